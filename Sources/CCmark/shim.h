#ifndef HIENMAU_CCMARK_SHIM_H
#define HIENMAU_CCMARK_SHIM_H

#if __has_include(<cmark.h>)
#include <cmark.h>
#else
#error "libcmark headers not found: install them with 'sudo apt-get install libcmark-dev' (or run 'make site', which does it for you)."
#endif

#endif
