# install.cmake - the library a host links, and what `cmake --install` puts in the prefix
# (issue 14). Included from the top CMakeLists.txt once the layer libraries and the two programs
# exist.
#
# One combined library holds every layer's objects, so a host links one library:
#   beamrun_lib     libbeamrun.a   (exported as beamrun::beamrun; in-tree alias beamrun::beamrun)
#   beamrun_shared  libbeamrun.so  (exported as beamrun::shared; in-tree alias beamrun::shared)
# Both are made of the objects the layer libraries (beamrun_<layer>, BEAMRUN_LAYERS) already
# compile, through $<TARGET_OBJECTS:...>: no source is compiled twice. The layers' objects are
# therefore position-independent (the shared library needs it), and compiled with hidden
# visibility, so the shared library exports only what include/beamrun/beamrun.h marks
# BEAMRUN_API (and calls inside the library do not go through the PLT). That costs the interpreter
# nothing: GCC builds position-independent executables by default, and with hidden visibility
# -fPIC compiles the interpreter's handlers to the same instructions as that default -fPIE; what
# differs is a few loads of libstdc++'s data through the GOT, on cold paths and in embed/.
#
# Installed: include/beamrun/beamrun.h, lib/libbeamrun.{a,so}, lib/cmake/beamrun/ (the package
# find_package(beamrun) reads), lib/pkgconfig/beamrun.pc, bin/beamrun and bin/beamrun-disasm.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(BEAMRUN_LAYER_TARGETS "")
set(BEAMRUN_LAYER_OBJECTS "")
foreach(layer IN LISTS BEAMRUN_LAYERS)
  set_target_properties(beamrun_${layer} PROPERTIES POSITION_INDEPENDENT_CODE ON
                        CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  list(APPEND BEAMRUN_LAYER_TARGETS beamrun_${layer})
  list(APPEND BEAMRUN_LAYER_OBJECTS $<TARGET_OBJECTS:beamrun_${layer}>)
endforeach()

# GMP has no CMake package: an imported target, which the package's config file defines again
# (cmake/beamrunConfig.cmake.in), so the exported link interface names a target, not a path.
add_library(beamrun::gmp UNKNOWN IMPORTED)
set_target_properties(beamrun::gmp PROPERTIES IMPORTED_LOCATION ${GMP_LIBRARY})

# The third-party libraries the layers link (beamrun_base, beamrun_term, beamrun_etf): private to
# the library (the public header includes only standard headers), so a static link lists them
# ($<LINK_ONLY:...> in the export) and a shared one records them as its own NEEDED entries.
# A layer that starts using another library adds it here, to the config file and to beamrun.pc.
set(BEAMRUN_PRIVATE_LIBS mimalloc Threads::Threads ZLIB::ZLIB beamrun::gmp)

# SONAME: libbeamrun.so.MAJOR, or libbeamrun.so.0.MINOR while the major version is 0 (every
# minor release may change the ABI then).
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(BEAMRUN_SOVERSION 0.${PROJECT_VERSION_MINOR})
else()
  set(BEAMRUN_SOVERSION ${PROJECT_VERSION_MAJOR})
endif()

add_library(beamrun_lib STATIC ${BEAMRUN_LAYER_OBJECTS})
add_library(beamrun_shared SHARED ${BEAMRUN_LAYER_OBJECTS})
set_target_properties(beamrun_lib PROPERTIES OUTPUT_NAME beamrun EXPORT_NAME beamrun)
set_target_properties(beamrun_shared PROPERTIES OUTPUT_NAME beamrun EXPORT_NAME shared
                      VERSION ${PROJECT_VERSION} SOVERSION ${BEAMRUN_SOVERSION})
foreach(lib beamrun_lib beamrun_shared)
  # The objects come from the layer targets: build those first.
  add_dependencies(${lib} ${BEAMRUN_LAYER_TARGETS})
  target_include_directories(${lib} INTERFACE $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include>
                                              $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_features(${lib} INTERFACE cxx_std_20)
  target_link_libraries(${lib} PRIVATE ${BEAMRUN_PRIVATE_LIBS})
endforeach()
add_library(beamrun::beamrun ALIAS beamrun_lib)
add_library(beamrun::shared ALIAS beamrun_shared)

# ---- install ----
install(FILES ${CMAKE_SOURCE_DIR}/include/beamrun/beamrun.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/beamrun)
install(TARGETS beamrun_lib beamrun_shared EXPORT beamrunTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS beamrun beamrun-disasm RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(BEAMRUN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/beamrun)
install(EXPORT beamrunTargets NAMESPACE beamrun:: FILE beamrunTargets.cmake
        DESTINATION ${BEAMRUN_CMAKE_DIR})
# The build tree is a package too: -Dbeamrun_DIR=<build dir> finds it without installing.
export(EXPORT beamrunTargets NAMESPACE beamrun:: FILE ${CMAKE_BINARY_DIR}/beamrunTargets.cmake)
configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/beamrunConfig.cmake.in
                              ${CMAKE_BINARY_DIR}/beamrunConfig.cmake
                              INSTALL_DESTINATION ${BEAMRUN_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/beamrunConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/beamrunConfig.cmake ${CMAKE_BINARY_DIR}/beamrunConfigVersion.cmake
        DESTINATION ${BEAMRUN_CMAKE_DIR})

# beamrun.pc: relocatable (prefix from the .pc file's own place), so `cmake --install --prefix`
# anywhere works. mimalloc installs no .pc file: it goes in Libs.private by name, with its
# directory.
set(pc_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(IS_ABSOLUTE "${pc_dir}")
  set(BEAMRUN_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH rel "/prefix/${pc_dir}" "/prefix")
  string(REGEX REPLACE "/$" "" rel "${rel}")
  set(BEAMRUN_PC_PREFIX "\${pcfiledir}/${rel}")
endif()
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(BEAMRUN_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(BEAMRUN_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
get_filename_component(BEAMRUN_GMP_DIR ${GMP_LIBRARY} DIRECTORY)
configure_file(${CMAKE_SOURCE_DIR}/cmake/beamrun.pc.in ${CMAKE_BINARY_DIR}/beamrun.pc.in @ONLY)
file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/beamrun.pc INPUT ${CMAKE_BINARY_DIR}/beamrun.pc.in)
install(FILES ${CMAKE_BINARY_DIR}/beamrun.pc DESTINATION ${pc_dir})
