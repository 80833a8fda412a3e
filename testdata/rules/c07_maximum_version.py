import ssl
from ssl import TLSVersion

capped = ssl.create_default_context()
capped.maximum_version = ssl.TLSVersion.TLSv1_1  # expect: ssl-max-version
capped.maximum_version = ssl.TLSVersion.TLSv1  # expect: ssl-max-version
capped.maximum_version = TLSVersion.SSLv3  # expect: ssl-max-version
# MINIMUM_SUPPORTED as a cap pins the context to the oldest version the build has, which is
# worse than any named old version, so it is reported although the spec lists it for floors only.
capped.maximum_version = TLSVersion.MINIMUM_SUPPORTED  # expect: ssl-max-version

capped.maximum_version = ssl.TLSVersion.TLSv1_2
capped.maximum_version = ssl.TLSVersion.TLSv1_3
capped.maximum_version = TLSVersion.MAXIMUM_SUPPORTED


def urllib3_pool(urllib3):
    return urllib3.PoolManager(ssl_maximum_version=ssl.TLSVersion.TLSv1_1)  # expect: ssl-max-version
