#!/bin/sh
# Regenerates the BMP and Photoshop fixtures of DecodersTest with ImageMagick 6 (Debian package imagemagick), an
# encoder independent of ours. Run from this folder; commit the results (each a few KB).
set -eu
IM=${IM:-/usr/bin/convert-im6.q16}
ADOBE=/usr/share/color/icc/compatibleWithAdobeRGB1998.icc   # Debian package icc-profiles-free

# The pictures everything is made from: a 24 × 16 fractal, and the same with an alpha ramp (opaque left,
# transparent right).
"$IM" -seed 7 -size 24x16 plasma:fractal -depth 8 src.png
"$IM" src.png \( -size 16x24 gradient:white-black -rotate 90 \) -alpha off -compose CopyOpacity -composite \
    -depth 8 src-alpha.png

# BMP
"$IM" src.png -type TrueColor BMP3:rgb24.bmp                              # BITMAPINFOHEADER, bottom-up
"$IM" src-alpha.png BMP:rgba32.bmp                                        # V5, 32-bit bit fields with alpha mask
"$IM" src.png -colors 50 -type Palette -compress None BMP3:pal8.bmp       # 8-bit palette, uncompressed
"$IM" src.png -colors 50 -type Palette -compress RLE BMP3:rle8.bmp        # 8-bit palette, RLE8
"$IM" src.png -define bmp:subtype=RGB565 BMP:rgb565.bmp                   # 16-bit 5-6-5 bit fields
"$IM" src.png -monochrome -compress None BMP3:mono.bmp                    # 1-bit palette
"$IM" src.png -profile "$ADOBE" BMP:adobergb.bmp                          # V5 with an embedded ICC profile
# ImageMagick writes bottom-up only: make the top-down twin of rgb24.bmp by reversing its rows and negating its
# height, exactly as the format defines top-down rows.
python3 - <<'PY'
import struct
b = bytearray(open("rgb24.bmp", "rb").read())
off = struct.unpack_from("<I", b, 10)[0]
w, h = struct.unpack_from("<ii", b, 18)
stride = (w * 24 + 31) // 32 * 4
rows = [b[off + i * stride: off + (i + 1) * stride] for i in range(h)]
b[off:off + h * stride] = b"".join(reversed(rows))
struct.pack_into("<i", b, 22, -h)
open("rgb24-topdown.bmp", "wb").write(b)
PY

# Photoshop
"$IM" src.png -depth 8 PSD:rgb8.psd                                       # RGB, PackBits
"$IM" src.png -depth 8 -compress None PSD:rgb8-raw.psd                    # RGB, raw
"$IM" src.png -depth 8 PSB:rgb8.psb                                       # large-document format
"$IM" src.png -depth 16 PSD:rgb16.psd                                     # 16 bits per channel
"$IM" src.png -depth 8 -colorspace Gray PSD:grey.psd
"$IM" src.png -colors 16 -type Palette PSD:indexed.psd                   # Indexed colour
"$IM" src.png -monochrome -depth 1 PSD:bitmap.psd                         # Bitmap (1 bit per pixel)
"$IM" src.png -depth 8 -colorspace CMYK PSD:cmyk.psd                      # stored inverted
"$IM" src.png -depth 8 -colorspace CMYK -compress None TIFF:cmyk.tif      # the same CMYK pixels, as TIFF
"$IM" src.png -profile "$ADOBE" -depth 8 PSD:adobergb.psd                 # ICC profile in resource 1039
# Photoshop blends a transparent document's composite over white; ImageMagick writes it unblended. So blend the
# colours over white first, then attach the alpha: the file then holds what Photoshop would write.
"$IM" \( src-alpha.png -background white -flatten \) \( src-alpha.png -alpha extract \) -alpha off \
    -compose CopyOpacity -composite -depth 8 PSD:rgba.psd
