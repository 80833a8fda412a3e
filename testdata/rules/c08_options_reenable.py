import ssl

relaxed = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
relaxed.options &= ~ssl.OP_NO_SSLv3  # expect: options-reenable
relaxed.options &= ~ssl.OP_NO_TLSv1  # expect: options-reenable
relaxed.options &= ~(ssl.OP_NO_TLSv1_1 | ssl.OP_NO_COMPRESSION)  # expect: options-reenable
relaxed.options = relaxed.options & ~ssl.OP_NO_SSLv2  # expect: options-reenable


def loosen(ctx):
    options = ctx.options
    options = options & ~ssl.OP_NO_TLSv1  # expect: options-reenable
    ctx.options = options


# Clearing flags that have nothing to do with old protocols is fine.
relaxed.options &= ~ssl.OP_NO_COMPRESSION
relaxed.options &= ~ssl.OP_NO_TLSv1_2
relaxed.options &= ~ssl.OP_NO_TLSv1_3
# Testing a flag reads the options and changes nothing.
if relaxed.options & ssl.OP_NO_TLSv1:
    print("TLS 1.0 disabled")
