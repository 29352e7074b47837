"""Characters of the bundled CJK subset: GB 2312 (simplified Chinese), JIS X 0208 (Japanese,
with kana), KS X 1001 (Korean), Big5 level 1 (traditional Chinese), CJK punctuation and
full-width forms."""
import sys
chars = set()
def two_byte(codec, lead, trail):
    for a in lead:
        for b in trail:
            try:
                chars.update(bytes([a, b]).decode(codec))
            except UnicodeDecodeError:
                pass
two_byte('gb2312', range(0xA1, 0xF8), range(0xA1, 0xFF))
two_byte('euc_jp', range(0xA1, 0xF5), range(0xA1, 0xFF))
two_byte('euc_kr', range(0xA1, 0xFE), range(0xA1, 0xFF))
two_byte('big5', range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
chars.update(chr(c) for c in range(0x3000, 0x3100))  # CJK punctuation, kana
chars.update(chr(c) for c in range(0x31F0, 0x3200))  # kana extensions
chars.update(chr(c) for c in range(0xFF00, 0xFFF0))  # full-width forms
chars = sorted(c for c in chars if ord(c) > 0x2E7F)
print(len(chars), file=sys.stderr)
open(sys.argv[1], 'w').write(''.join(chars))
