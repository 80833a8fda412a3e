import logging
import ssl
import warnings

log = logging.getLogger(__name__)
print(ssl.PROTOCOL_TLSv1)
log.debug("legacy constant value is %s", ssl.PROTOCOL_TLSv1)
logging.warning("SSLv3 is %s", ssl.PROTOCOL_SSLv3)
warnings.warn(f"avoid {ssl.PROTOCOL_TLSv1_1}", DeprecationWarning)
text = repr(ssl.PROTOCOL_SSLv3) + str(ssl.PROTOCOL_TLSv1_1)
kind = isinstance(ssl.PROTOCOL_TLSv1, int)
which = type(ssl.PROTOCOL_TLSv1)
ident = id(ssl.PROTOCOL_SSLv2)
name = ssl.TLSVersion.TLSv1.name
del ssl.PROTOCOL_TLSv1
