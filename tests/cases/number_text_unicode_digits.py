# int(), float() and complex() read Unicode decimal digits and whitespace in str arguments as ASCII ones
# (_PyUnicode_TransformDecimalAndSpaceToASCII); other non-ASCII characters stay malformed.
def t(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__, e)

samples = ['１+２j', '１２', '\u3000１２\u3000', '١٢٣', '١٢.٥', '１e５', '١_٢', '\u2003 3.5 \u2003', '٣j', '(１+２j)',
           '\u00a01\u00a0', '１.５e-３', 'ⅷ', '²', '１０', '-\u0661', '+１２', 'inf', '\u0661\u0662\u0663\u0664', '𝟏𝟐',
           '߁', '1\u200b', '١_', '\u0661__\u0662', '(\u3000１\u3000)', '１-j', '१२३j', '\u0e51.\u0e52e\u0e53']
for s in samples:
    t('int ' + ascii(s), lambda: int(s))
    t('float ' + ascii(s), lambda: float(s))
    t('complex ' + ascii(s), lambda: complex(s))
t('int base 16', lambda: int('ｆｆ', 16))
t('int base 16 arabic', lambda: int('١٢', 16))
t('int base 0', lambda: int('０x１０', 0))
t('int base 2', lambda: int('１０１', 2))
t('complex subclass of str', lambda: complex(type('S', (str,), {})('٣+٤j')))
