"""Module docs: never call ssl.SSLContext(ssl.PROTOCOL_TLSv1) in new code."""
import logging
import ssl

log = logging.getLogger(__name__)

# ctx = ssl.SSLContext(ssl.PROTOCOL_SSLv3)
HELP = "pass ssl_version=ssl.PROTOCOL_TLSv1 only for museum servers"
RAW = r"ssl.PROTOCOL_SSLv2"
BYTES = b"ssl.PROTOCOL_TLSv1_1"
TEMPLATE = f"use {'PROTOCOL_TLSv1'} carefully"
MULTILINE = """
    ctx.minimum_version = ssl.TLSVersion.TLSv1
    ctx.options &= ~ssl.OP_NO_SSLv3
"""


def explain():
    """Example::

        ssl.wrap_socket(s, ssl_version=ssl.PROTOCOL_TLSv1)
    """
    log.info(f"legacy constant is {ssl.PROTOCOL_TLSv1!r}")
    print(f"{ssl.PROTOCOL_SSLv3=}")
    if hasattr(ssl, "PROTOCOL_TLSv1"):
        log.debug("this build still has TLS 1.0")
    return getattr(ssl, "PROTOCOL_SSLv3", None) is not None
