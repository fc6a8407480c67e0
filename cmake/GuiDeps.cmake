# Dear ImGui and stb for the dashboard, as two interface targets the rest of the build links:
#   chokepoint_imgui  the core plus the GLFW and OpenGL 3 backends
#   chokepoint_stb    stb_image_write (PNG screenshots)
# A package manager's CMake package is preferred (vcpkg: imgui[glfw-binding,opengl3-binding],
# stb); otherwise pkg-config finds the distribution's (Debian: libimgui-dev, libstb-dev).

add_library(chokepoint_imgui INTERFACE)
find_package(imgui CONFIG QUIET)
if(imgui_FOUND)
  message(STATUS "imgui: CMake package (imgui::imgui)")
  target_link_libraries(chokepoint_imgui INTERFACE imgui::imgui)
  # The code includes <backends/imgui_impl_*.h> (Debian's layout); vcpkg installs the
  # backend headers beside imgui.h, so forward them.
  set(shim ${CMAKE_BINARY_DIR}/imgui_backends_shim)
  foreach(backend glfw opengl3)
    file(CONFIGURE OUTPUT ${shim}/backends/imgui_impl_${backend}.h
         CONTENT "#pragma once\n#include <imgui_impl_${backend}.h>\n")
  endforeach()
  target_include_directories(chokepoint_imgui INTERFACE ${shim})
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
  message(STATUS "imgui: pkg-config ${IMGUI_VERSION}")
  target_link_libraries(chokepoint_imgui INTERFACE PkgConfig::IMGUI)
endif()

add_library(chokepoint_stb INTERFACE)
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(STB QUIET IMPORTED_TARGET stb)
endif()
if(STB_FOUND)
  target_link_libraries(chokepoint_stb INTERFACE PkgConfig::STB)  # Debian's libstb holds the implementation
else()
  find_package(Stb REQUIRED)  # vcpkg: header-only, so compile the PNG writer here
  add_library(chokepoint_stb_impl STATIC ${CMAKE_CURRENT_LIST_DIR}/stb_image_write_impl.cpp)
  target_include_directories(chokepoint_stb_impl PUBLIC ${Stb_INCLUDE_DIR})
  target_link_libraries(chokepoint_stb INTERFACE chokepoint_stb_impl)
endif()
