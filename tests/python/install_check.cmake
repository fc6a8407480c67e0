# `cmake --install` into a fresh prefix, then import the installed package from there
# (not from the build tree) and run the baseline. Run by ctest as python_install.
#   cmake -DBUILD_DIR=... -DPREFIX=... -DPACKAGE_DIR=<relative> -DPYTHON=... -DSCENARIO=... -P install_check.cmake
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX} RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
set(check "import chokepoint, sys; assert chokepoint.__file__.startswith(sys.argv[1]), chokepoint.__file__; \
r = chokepoint.load(sys.argv[2]).run(end='2022-12'); print(chokepoint.__file__, r)")
execute_process(COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${PREFIX}/${PACKAGE_DIR}
                        ${PYTHON} -c "${check}" ${PREFIX} ${SCENARIO}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the installed package does not import and run:\n${out}${err}")
endif()
message(STATUS "${out}")
file(REMOVE_RECURSE ${PREFIX})
