import ssl


def audit(ctx):
    if ctx.minimum_version <= ssl.TLSVersion.TLSv1_1:
        raise ValueError("floor too low")
    if ctx.maximum_version == ssl.TLSVersion.TLSv1:
        raise ValueError("cap too low")
    floor_is_old = ctx.minimum_version in (ssl.TLSVersion.SSLv3, ssl.TLSVersion.TLSv1)
    return floor_is_old
