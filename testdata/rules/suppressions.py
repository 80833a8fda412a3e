import ssl

a = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # tlsguard: ignore
b = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # tlsguard: ignore[ssl-proto-const]
c = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # tlsguard: ignore[bad-default, ssl-proto-const]
d = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # tlsguard: ignore[other-kind]  # expect: ssl-proto-const
e = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # noqa
f = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # noqa: S502
g = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # noqa: E501, S502
h = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # noqa: E501  # expect: ssl-proto-const
i = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # nosec
j = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # nosec B502
k = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # nosec B101  # expect: ssl-proto-const
l = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # no-dd-sa
m = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # no-dd-sa:python-security/insecure-ssl-protocols
n = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # no-dd-sa:python-security/other-rule  # expect: ssl-proto-const


def defaults(v=ssl.PROTOCOL_TLSv1):  # noqa: S503
    return v


def defaults_wrong_code(v=ssl.PROTOCOL_TLSv1):  # noqa: S504  # expect: bad-default
    return v


# A kind list names kinds, so a marker for another kind leaves this finding in place.
ctx = ssl.create_default_context()
ctx.minimum_version = ssl.TLSVersion.TLSv1  # tlsguard: ignore[ssl-proto-const]  # expect: ssl-min-version
ctx.minimum_version = ssl.TLSVersion.TLSv1  # tlsguard: ignore[ssl-min-version]
# A marker inside a string is text, not a comment.
o = (ssl.SSLContext(ssl.PROTOCOL_TLSv1), "# noqa")  # expect: ssl-proto-const
# A marker on the line before does not reach the finding.
# tlsguard: ignore
p = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
# The marker belongs on the line where the finding starts.
q = ssl.SSLContext(
    ssl.PROTOCOL_TLSv1  # tlsguard: ignore
)
r = ssl.SSLContext(  # tlsguard: ignore
    ssl.PROTOCOL_TLSv1  # expect: ssl-proto-const
)
