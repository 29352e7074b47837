"""Merges the unicode-range chunks of @fontsource/noto-emoji (weight 400) into one font."""
import glob, sys
from fontTools.ttLib import TTFont
files = sorted(glob.glob(sys.argv[1] + '/noto-emoji-*-400-normal.woff'))
base = TTFont(files[0])
base.flavor = None
order = list(base.getGlyphOrder())
glyf, hmtx = base['glyf'], base['hmtx']
cmap = dict(base.getBestCmap())
for path in files[1:]:
    f = TTFont(path)
    for name in f.getGlyphOrder():
        if name not in glyf.glyphs:
            glyf.glyphs[name] = f['glyf'][name]
            hmtx.metrics[name] = f['hmtx'][name]
            order.append(name)
    cmap.update(f.getBestCmap())
for t in ('GSUB', 'vhea', 'vmtx', 'STAT'):
    if t in base: del base[t]
base.setGlyphOrder(order)
glyf.glyphOrder = order
for sub in base['cmap'].tables:
    if sub.isUnicode():
        sub.cmap = {k: v for k, v in cmap.items() if sub.format == 12 or k <= 0xFFFF}
base['maxp'].numGlyphs = len(order)
base.save(sys.argv[2])
print(len(order), len(cmap))
