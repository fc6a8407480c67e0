# `cmake --install build [--prefix DIR]`: the programs in bin/, the scenario library and
# the fonts (and translations, when present) in share/chokepoint/, the documents in
# share/doc/chokepoint/. The programs find share/chokepoint relative to bin/ at run time
# (src/paths/data_dirs.h), so the installed tree works from any prefix. Component
# "chokepoint" is what the .deb holds; the Python module installs as its own component.

set(component COMPONENT chokepoint)
install(TARGETS chokepoint-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} ${component})
if(CHOKEPOINT_BUILD_APP)
  install(TARGETS chokepoint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} ${component})
  install(FILES ${CMAKE_SOURCE_DIR}/packaging/chokepoint.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications ${component})
endif()

# Everything under scenarios/ (variants, stories, workshops, calibration, sources, locale,
# the schema and READMEs); under assets/ all but the README's pictures.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/scenarios/ DESTINATION ${CHOKEPOINT_INSTALL_DATA_DIR}/scenarios ${component})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${CHOKEPOINT_INSTALL_DATA_DIR}/assets ${component}
        PATTERN "*.png" EXCLUDE)

install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} ${component})
install(FILES ${CMAKE_SOURCE_DIR}/assets/fonts/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR}
        RENAME LICENSE.fonts ${component})
