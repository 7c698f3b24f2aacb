# erlc.cmake - compiling Erlang sources at build time.
#
#   erlc_beams(RESULT OUT_DIR [FLAGS flag...] [LABEL text] SOURCES file...)
#
# adds one build rule per source, `erlc FLAGS -o OUT_DIR source`, and sets RESULT to the list
# of .beam files they make (for a custom target to depend on). LABEL goes before the file name
# in the build's progress lines.
function(erlc_beams result out_dir)
  cmake_parse_arguments(ARG "" "LABEL" "FLAGS;SOURCES" ${ARGN})
  file(MAKE_DIRECTORY ${out_dir})
  set(beams)
  foreach(src ${ARG_SOURCES})
    get_filename_component(name ${src} NAME_WE)
    set(beam ${out_dir}/${name}.beam)
    add_custom_command(OUTPUT ${beam} COMMAND ${ERLC} ${ARG_FLAGS} -o ${out_dir} ${src}
                       DEPENDS ${src} COMMENT "erlc ${ARG_LABEL}${name}.erl" VERBATIM)
    list(APPEND beams ${beam})
  endforeach()
  set(${result} ${beams} PARENT_SCOPE)
endfunction()
