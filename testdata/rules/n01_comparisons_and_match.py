import ssl
import unittest


def describe(ctx):
    if ctx.protocol == ssl.PROTOCOL_TLSv1:
        return "old"
    if ctx.protocol in (ssl.PROTOCOL_SSLv3, ssl.PROTOCOL_TLSv1_1):
        return "older"
    if ctx.protocol is ssl.PROTOCOL_SSLv2 or ctx.protocol is not ssl.PROTOCOL_TLSv1:
        return "other"
    if ssl.PROTOCOL_TLSv1 != ctx.protocol:
        return "reversed operands"
    if ctx.minimum_version < ssl.TLSVersion.TLSv1_2 or ctx.maximum_version > ssl.TLSVersion.TLSv1:
        return "range"
    return "ok"


def classify(proto):
    # A value pattern in `case` compares the subject with the constant.
    match proto:
        case ssl.PROTOCOL_TLSv1:
            return "TLS 1.0"
        case ssl.PROTOCOL_SSLv3 | ssl.PROTOCOL_TLSv1_1:
            return "legacy"
        case ssl.TLSVersion.TLSv1:
            return "TLS 1.0 floor"
        case _:
            return "modern"


class ProtocolTest(unittest.TestCase):
    def test_protocol(self):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.assertEqual(ctx.protocol, ssl.PROTOCOL_TLS_CLIENT)
        self.assertNotEqual(ctx.protocol, ssl.PROTOCOL_TLSv1)
        self.assertIsNot(ctx.protocol, ssl.PROTOCOL_SSLv3)
        self.assertNotIn(ctx.protocol, (ssl.PROTOCOL_TLSv1, ssl.PROTOCOL_TLSv1_1))
        assert ctx.protocol != ssl.PROTOCOL_SSLv2
        assert ctx.minimum_version >= ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1
