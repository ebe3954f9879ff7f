#ifndef HIENMAU_CVIPS_SHIM_H
#define HIENMAU_CVIPS_SHIM_H

#if __has_include(<vips/vips.h>)
#include <vips/vips.h>
#else
#error "libvips headers not found: install them with 'sudo apt-get install libvips-dev' (or run 'make site', which does it for you)."
#endif

// libvips takes its options as C variadic arguments, which Swift cannot
// pass. Each function below is one call with the options hienmau uses;
// Images/Vips.swift is the only caller.

/// `bytes` decoded at most `width` pixels wide (never wider than it is),
/// turned upright by its EXIF orientation, in 8-bit sRGB; NULL when libvips
/// cannot read it or the file is cut short.
static inline VipsImage *hienmau_thumbnail(const void *bytes, size_t length, int width) {
    VipsImage *out = NULL;
    if (vips_thumbnail_buffer((void *)bytes, length, &out, width, "height", VIPS_MAX_COORD,
                              "size", VIPS_SIZE_DOWN, "export_profile", "srgb",
                              "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL))
        return NULL;
    if (vips_image_get_format(out) != VIPS_FORMAT_UCHAR
        || (vips_image_get_interpretation(out) != VIPS_INTERPRETATION_sRGB
            && vips_image_get_interpretation(out) != VIPS_INTERPRETATION_B_W)) {
        VipsImage *srgb = NULL;
        int failed = vips_colourspace(out, &srgb, VIPS_INTERPRETATION_sRGB, NULL);
        g_object_unref(out);
        if (failed) return NULL;
        out = srgb;
    }
    return out;
}

/// `in` resized to `width` by `height`: `crop` 0 keeps its shape within
/// `width` (never wider), 1 fills the box, cropping where the eye goes.
static inline VipsImage *hienmau_resize(VipsImage *in, int width, int height, int crop) {
    VipsImage *out = NULL;
    if (vips_thumbnail_image(in, &out, width, "height", height,
                             "size", crop ? VIPS_SIZE_BOTH : VIPS_SIZE_DOWN,
                             "crop", crop ? VIPS_INTERESTING_ATTENTION : VIPS_INTERESTING_NONE, NULL))
        return NULL;
    return out;
}

/// The pixels of `in` alone, in memory, as a new image: no EXIF, XMP,
/// IPTC, ICC profile, thumbnail or any other field of the file it came from
/// can reach an encoder from it, whatever the encoder's own options do
/// (libvips 8.14's WebP encoder writes EXIF and XMP despite `strip`).
static inline VipsImage *hienmau_pixels(VipsImage *in) {
    size_t size = 0;
    void *data = vips_image_write_to_memory(in, &size);
    if (!data) return NULL;
    VipsImage *out = vips_image_new_from_memory_copy(data, size, vips_image_get_width(in), vips_image_get_height(in),
                                                     vips_image_get_bands(in), vips_image_get_format(in));
    g_free(data);
    return out;
}

/// A header read: the image is decoded only when its pixels are asked for.
static inline VipsImage *hienmau_open(const void *bytes, size_t length) {
    return vips_image_new_from_buffer(bytes, length, "", NULL);
}

/// JPEG without any metadata (EXIF, XMP, IPTC, ICC, thumbnails), transparency on white.
static inline int hienmau_jpeg(VipsImage *in, int quality, void **buffer, size_t *length) {
    VipsImage *flat = in;
    if (vips_image_hasalpha(in)) {
        double white[3] = {255, 255, 255};
        VipsArrayDouble *background = vips_array_double_new(white, 3);
        int failed = vips_flatten(in, &flat, "background", background, NULL);
        vips_area_unref(VIPS_AREA(background));
        if (failed) return -1;
    } else {
        g_object_ref(in);
    }
    int failed = vips_jpegsave_buffer(flat, buffer, length, "Q", quality, "strip", TRUE,
                                      "optimize_coding", TRUE, "interlace", TRUE, NULL);
    g_object_unref(flat);
    return failed;
}

/// WebP without any metadata.
static inline int hienmau_webp(VipsImage *in, int quality, void **buffer, size_t *length) {
    return vips_webpsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE, "effort", 4, NULL);
}

/// The values of the pixel at `x`, `y` of an encoded image (tests read published files back with it).
static inline int hienmau_pixel(const void *bytes, size_t length, int x, int y, double *values, int capacity) {
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", NULL);
    if (!image) return -1;
    double *vector = NULL;
    int n = 0;
    int failed = vips_getpoint(image, &vector, &n, x, y, NULL);
    g_object_unref(image);
    if (failed) return -1;
    for (int i = 0; i < n && i < capacity; i++) values[i] = vector[i];
    g_free(vector);
    return n;
}

#endif
