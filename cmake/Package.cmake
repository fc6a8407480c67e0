# `cpack -G DEB` in the build directory: chokepoint_<version>_<arch>.deb with the
# "chokepoint" install component (cmake/Install.cmake) under /usr. Its library
# dependencies are computed by dpkg-shlibdeps (Debian's dpkg-dev) when it is there.

set(CPACK_PACKAGE_NAME chokepoint)
set(CPACK_PACKAGE_VENDOR "The Chokepoint authors")
set(CHOKEPOINT_PACKAGE_MAINTAINER "Chokepoint maintainers" CACHE STRING
    "The .deb's Maintainer field (Name <email>): set it when publishing a package")
set(CPACK_PACKAGE_CONTACT ${CHOKEPOINT_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Interactive simulator of AI-compute export policy")
set(CPACK_PACKAGE_DESCRIPTION
    "Chokepoint models companies, their chip allocations, US export rules and the leasing of
overseas data-centre capacity, month by month. A dashboard (chokepoint) for workshops,
classrooms and analysts, and a headless command-line tool (chokepoint-cli) for runs,
sweeps and Monte Carlo ensembles. Ships the scenario library, stories and workshops.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Only the "chokepoint" component, not the Python module (it needs numpy and pandas).
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};chokepoint;chokepoint;/")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_NAME chokepoint)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
find_program(DPKG_SHLIBDEPS dpkg-shlibdeps)
if(DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  message(STATUS "dpkg-shlibdeps not found: the .deb lists no library dependencies (Debian: dpkg-dev)")
endif()

include(CPack)
