import ssl


class FakeSSL:
    PROTOCOL_TLSv1 = "fake"
    PROTOCOL_SSLv3 = "fake"

    def SSLContext(self, protocol):
        return protocol


def rebound_locally():
    ssl = FakeSSL()
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)


def parameter_named_ssl(ssl):
    return ssl.SSLContext(ssl.PROTOCOL_SSLv3)


def keyword_parameter_named_ssl(*, ssl=None):
    return ssl.PROTOCOL_TLSv1


lambda_param = lambda ssl: ssl.SSLContext(ssl.PROTOCOL_TLSv1)


def loop_variable(modules):
    for ssl in modules:
        ssl.SSLContext(ssl.PROTOCOL_TLSv1)


def with_target(opener):
    with opener() as ssl:
        return ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)


def comprehension_variable(fakes):
    return [ssl.PROTOCOL_TLSv1 for ssl in fakes]


def sibling_function_still_uses_module():
    # The rebinding above is local to its function, so here `ssl` is the module again.
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const


def rebound_after_use():
    # Python decides scope per function: the later assignment makes `ssl` local in the whole
    # body, so the first line refers to the local name (and would raise UnboundLocalError).
    first = ssl.PROTOCOL_TLSv1
    ssl = FakeSSL()
    return first, ssl
