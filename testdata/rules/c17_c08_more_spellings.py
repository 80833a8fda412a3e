import ssl

ctx = ssl.create_default_context()
# The module's namespace read through __dict__ is the same look-up as vars(ssl).
legacy = ssl.__dict__["PROTOCOL_TLSv1"]  # expect: getattr-const
fine = ssl.__dict__["PROTOCOL_TLS_CLIENT"]
# Subtracting a disable flag clears it, like `&= ~flag`.
ctx.options -= ssl.OP_NO_SSLv3  # expect: options-reenable
ctx.options -= ssl.OP_NO_COMPRESSION
