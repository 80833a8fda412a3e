# Syntax errors surround well-formed code. Findings in the well-formed parts are reported.
import ssl

good_before = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const


def stray_indentation():
    ctx = ssl.SSLContext(ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
        ctx.minimum_version = ssl.TLSVersion.TLSv1  # expect: ssl-min-version
    return ctx


def broken_expression():
    value = [1, 2,, 3]
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const


def missing_colon()
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


stray_closers = ))
good_after = ssl.wrap_socket(object(), ssl_version=ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const

# An unclosed bracket at the end of the file swallows what follows it, so no finding can come
# after it. The findings above must survive it.
unclosed = [ssl.PROTOCOL_TLS_CLIENT,
