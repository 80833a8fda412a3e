import ssl
from OpenSSL import SSL

import app_config

chosen = getattr(ssl, "PROTOCOL_TLSv1")  # expect: getattr-const
ctx = ssl.SSLContext(getattr(ssl, 'PROTOCOL_SSLv3'))  # expect: getattr-const
method = getattr(SSL, "TLSv1_METHOD")  # expect: getattr-const
with_default = getattr(ssl, "PROTOCOL_TLSv1_1", ssl.PROTOCOL_TLS_CLIENT)  # expect: getattr-const
from_vars = vars(ssl)["PROTOCOL_TLSv1"]  # expect: getattr-const
# The finding is the string literal that names the constant, so it sits on the string's line.
spread = ssl.SSLContext(
    getattr(
        ssl,
        "PROTOCOL_SSLv2",  # expect: getattr-const
    )
)

safe = getattr(ssl, "PROTOCOL_TLSv1_2")
safe_method = getattr(SSL, "TLS_CLIENT_METHOD")
flexible = getattr(ssl, "PROTOCOL_SSLv23")
other_object = getattr(app_config, "PROTOCOL_TLSv1")


def feature_detection(name):
    # Probing for an attribute or comparing the look-up with None selects nothing.
    if hasattr(ssl, "PROTOCOL_TLSv1"):
        pass
    if getattr(ssl, "PROTOCOL_SSLv3", None) is not None:
        pass
    # A name that is not a literal cannot be resolved, so it is skipped.
    dynamic = getattr(ssl, name, None)
    formatted = getattr(ssl, f"PROTOCOL_{name}")
    print(getattr(ssl, "PROTOCOL_TLSv1"))
    return dynamic, formatted
