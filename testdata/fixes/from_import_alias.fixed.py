# Expected safe fixes: the aliased constant OLD is replaced by the bare name PROTOCOL_TLSv1_2.
# That name is already imported, so no import line changes. The alias V of TLSVersion is the
# user's qualifier and is kept: V.TLSv1 becomes V.TLSv1_2.
from ssl import PROTOCOL_SSLv3 as OLD, PROTOCOL_TLSv1_2, SSLContext, TLSVersion as V

legacy = SSLContext(PROTOCOL_TLSv1_2)
legacy.minimum_version = V.TLSv1_2
modern = SSLContext(PROTOCOL_TLSv1_2)
