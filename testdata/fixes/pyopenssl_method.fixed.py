# Expected safe fixes: a pinned old pyOpenSSL method becomes TLSv1_2_METHOD behind the user's
# qualifier (`SSL.`, `ossl.`), which pins TLS 1.2 the same way the old name pinned its version.
# The bare from-imported name stays bare and its import list gains TLSv1_2_METHOD right after
# the entry it replaces. SSLv3_METHOD no longer exists in pyOpenSSL 23 and later, so that fix
# also repairs an AttributeError.
import OpenSSL.SSL as ossl
from OpenSSL import SSL
from OpenSSL.SSL import Context, TLSv1_1_METHOD, TLSv1_2_METHOD

a = SSL.Context(SSL.TLSv1_2_METHOD)
b = ossl.Context(method=ossl.TLSv1_2_METHOD)
c = Context(TLSv1_2_METHOD)
