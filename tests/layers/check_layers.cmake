# check_layers.cmake - reads the include graph of beamrun's sources and fails on any arrow
# against the layer order of tests/layers/layers.txt.
#
#   cmake -DROOT=<source root> [-DSTAMP=<file to touch on success>] [-DGRAPH=ON] -P check_layers.cmake
#
# Every quoted include names a header by its path from the source root ("term/term.h"). A file
# in folder F may include headers of F and of the folders listed before F in layers.txt, never
# of one listed after it. Each violation is one line `file: F includes G/... (G is above F)`.
# With GRAPH=ON it prints the folder-to-folder arrows and their counts instead (the diagram of
# docs/architecture.md is drawn from that). The build runs this check before compiling anything
# (CMakeLists.txt: beamrun_layer_check), so a wrong include fails the build; CTest runs it too.
cmake_minimum_required(VERSION 3.22)
if(NOT ROOT)
  message(FATAL_ERROR "check_layers.cmake: set -DROOT=<source root>")
endif()
file(STRINGS ${ROOT}/tests/layers/layers.txt order REGEX "^[a-z]")
set(problems "")
set(arrows "")
foreach(folder IN LISTS order)
  list(FIND order ${folder} from_index)
  file(GLOB_RECURSE files ${ROOT}/${folder}/*.h ${ROOT}/${folder}/*.cpp ${ROOT}/${folder}/*.inc)
  foreach(file IN LISTS files)
    file(RELATIVE_PATH rel ${ROOT} ${file})
    file(STRINGS ${file} includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"[^\"]+\"")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]+\"([^\"]+)\".*$" "\\1" header "${line}")
      if(NOT header MATCHES "^([^/]+)/")
        continue()  # a header beside the file, or one generated into the build tree
      endif()
      set(to ${CMAKE_MATCH_1})
      if(to STREQUAL "beamrun")
        set(to embed)  # include/beamrun/: the public API, which embed/ implements
      endif()
      if(to STREQUAL folder)
        continue()
      endif()
      list(APPEND arrows "${folder} -> ${to}")
      list(FIND order ${to} to_index)
      if(to_index EQUAL -1)
        list(APPEND problems "${rel}: includes ${header}, whose folder is no layer (tests/layers/layers.txt)")
      elseif(to_index GREATER from_index)
        list(APPEND problems "${rel}: ${folder} includes ${header} (${to} is above ${folder})")
      endif()
    endforeach()
  endforeach()
endforeach()

# Every top-level folder holding sources is a layer, or one of those that use the layers.
set(users tests bench examples include cmake docs)
file(GLOB entries RELATIVE ${ROOT} ${ROOT}/*)
foreach(entry IN LISTS entries)
  if(NOT IS_DIRECTORY ${ROOT}/${entry} OR entry MATCHES "^(\\.|build)" OR entry IN_LIST order OR entry IN_LIST users)
    continue()
  endif()
  file(GLOB_RECURSE sources ${ROOT}/${entry}/*.h ${ROOT}/${entry}/*.cpp)
  if(sources)
    list(APPEND problems "${entry}/: a source folder that is no layer (tests/layers/layers.txt)")
  endif()
endforeach()

if(GRAPH)
  list(REMOVE_DUPLICATES order)
  set(seen "")
  foreach(arrow IN LISTS arrows)
    if(arrow IN_LIST seen)
      continue()
    endif()
    list(APPEND seen "${arrow}")
    set(n 0)
    foreach(a IN LISTS arrows)
      if(a STREQUAL arrow)
        math(EXPR n "${n} + 1")
      endif()
    endforeach()
    message("${arrow}: ${n}")
  endforeach()
  return()
endif()

# The CLI is the embedding API's first client: it includes the public header and nothing else.
file(STRINGS ${ROOT}/tools/beamrun.cpp cli_includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"[^\"]+\"")
foreach(line IN LISTS cli_includes)
  if(NOT line MATCHES "\"beamrun/")
    list(APPEND problems "tools/beamrun.cpp: ${line} (the CLI may include only include/beamrun/)")
  endif()
endforeach()

list(LENGTH problems count)
if(count GREATER 0)
  foreach(p IN LISTS problems)
    message("${p}")
  endforeach()
  message(FATAL_ERROR "${count} include(s) against the layer order (tests/layers/layers.txt)")
endif()
if(STAMP)
  file(TOUCH ${STAMP})
endif()
