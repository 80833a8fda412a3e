import ssl

ctx = ssl.create_default_context()
# max() keeps the current floor unless the other value is higher, so it never lowers the minimum;
# the builtins only compare their arguments.
ctx.minimum_version = max(ctx.minimum_version, ssl.TLSVersion.TLSv1)
floor = max(ssl.TLSVersion.TLSv1, ctx.minimum_version)
