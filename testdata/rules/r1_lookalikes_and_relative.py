import enum

import app_config as cfg
from . import ssl
from .compat import ssl as compat_ssl
from mypkg import ssl as vendored_ssl
from twisted.internet import ssl as twisted_ssl


class TLSVersion(enum.Enum):
    TLSv1 = 1
    TLSv1_2 = 3


class Settings:
    PROTOCOL_TLSv1 = "tls1"
    SSLv3_METHOD = 3


class Constants:
    PROTOCOL_SSLv2 = "x"
    DEFAULT = PROTOCOL_SSLv2

    def pick(self):
        return self.PROTOCOL_SSLv2


x = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
y = compat_ssl.PROTOCOL_SSLv3
z = vendored_ssl.SSLContext(vendored_ssl.PROTOCOL_TLSv1_1)
t = twisted_ssl.CertificateOptions(insecurelyLowerMinimumTo=twisted_ssl.TLSVersion.TLSv1_0)
mode = cfg.PROTOCOL_TLSv1
label = TLSVersion.TLSv1
other = Settings.SSLv3_METHOD
some_call(ssl_version=cfg.PROTOCOL_SSLv3, method=Settings.SSLv3_METHOD)
ctx_holder = some_factory()
ctx_holder.minimum_version = TLSVersion.TLSv1
ctx_holder.minimum_version = cfg.TLSVersion.TLSv1
