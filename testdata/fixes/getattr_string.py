# Expected safe fixes: only the string literal changes, to the secure name of the same family
# ("PROTOCOL_TLSv1_2" for ssl, "TLSv1_2_METHOD" for pyOpenSSL), and its quote style is kept.
import ssl
from OpenSSL import SSL

double = getattr(ssl, "PROTOCOL_TLSv1")
single = getattr(ssl, 'PROTOCOL_SSLv3')
method = getattr(SSL, "TLSv1_1_METHOD")
from_vars = vars(ssl)['PROTOCOL_TLSv1_1']
