#if __has_include(<libxml/parser.h>)
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, whose headers clash with the copy
// inside Foundation; nothing used here touches the ICU converter fields.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#else
#error "libxml2's headers are missing: install libxml2-dev (sudo apt-get install libxml2-dev)"
#endif
