import ssl

PRETTY = {
    ssl.PROTOCOL_TLSv1: "TLS 1.0",
    ssl.PROTOCOL_TLSv1_1: "TLS 1.1",
    ssl.PROTOCOL_TLSv1_2: "TLS 1.2",
}


def pretty(ctx):
    return PRETTY.get(ctx.protocol, "?") + PRETTY[ssl.PROTOCOL_TLSv1]


def forget(table):
    del table[ssl.PROTOCOL_SSLv3]
    return table
