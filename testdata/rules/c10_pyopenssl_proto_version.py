from OpenSSL import SSL

ctx = SSL.Context(SSL.TLS_METHOD)
ctx.set_min_proto_version(SSL.TLS1_VERSION)  # expect: pyopenssl-proto-version
ctx.set_min_proto_version(SSL.TLS1_1_VERSION)  # expect: pyopenssl-proto-version
ctx.set_min_proto_version(SSL.SSL3_VERSION)  # expect: pyopenssl-proto-version
ctx.set_max_proto_version(SSL.TLS1_1_VERSION)  # expect: pyopenssl-proto-version
ctx.set_max_proto_version(SSL.TLS1_VERSION)  # expect: pyopenssl-proto-version
# pyOpenSSL documents 0 as "the lowest version the library supports", so this allows everything.
ctx.set_min_proto_version(0)  # expect: pyopenssl-proto-version

ctx.set_min_proto_version(SSL.TLS1_2_VERSION)
ctx.set_min_proto_version(SSL.TLS1_3_VERSION)
ctx.set_max_proto_version(SSL.TLS1_3_VERSION)
# 0 as the cap means "the highest supported version", which is what a secure context wants.
ctx.set_max_proto_version(0)

# The version numbers select nothing until they reach set_*_proto_version. A value that gets
# there through a variable is not followed, which is a known limitation of the rule.
FLOOR = SSL.TLS1_VERSION
ctx.set_min_proto_version(FLOOR)


def check_floor(floor):
    if floor == SSL.TLS1_1_VERSION:
        raise RuntimeError("floor too low")
