# preloaded.cmake - ERTS's preloaded modules that beamrun writes in Erlang (vm/preloaded/*.erl):
# compiled with erlc at build time and embedded in beamrun_vm as byte arrays
# (cmake/embed_beams.cmake writes the table that vm/preloaded.h declares), so the binary needs
# no installed files. VM::ensure_loaded looks there before the code path.
file(GLOB PRELOADED_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/vm/preloaded/*.erl)
set(PRELOADED_OUT ${CMAKE_BINARY_DIR}/preloaded)
erlc_beams(PRELOADED_BEAMS ${PRELOADED_OUT} FLAGS +deterministic +warnings_as_errors
           LABEL "(preloaded) " SOURCES ${PRELOADED_SOURCES})
list(JOIN PRELOADED_BEAMS "|" PRELOADED_BEAMS_ARG)
add_custom_command(OUTPUT ${PRELOADED_OUT}/preloaded_beams.cpp
                   COMMAND ${CMAKE_COMMAND} -DOUT=${PRELOADED_OUT}/preloaded_beams.cpp
                           -DBEAMS=${PRELOADED_BEAMS_ARG} -P ${CMAKE_SOURCE_DIR}/cmake/embed_beams.cmake
                   DEPENDS ${PRELOADED_BEAMS} ${CMAKE_SOURCE_DIR}/cmake/embed_beams.cmake
                   COMMENT "embedding preloaded modules" VERBATIM)
target_sources(beamrun_vm PRIVATE ${PRELOADED_OUT}/preloaded_beams.cpp)
