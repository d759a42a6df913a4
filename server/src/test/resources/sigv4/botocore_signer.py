"""Signs random requests with botocore's SigV4Auth and SigV4QueryAuth, for BotocoreDifferentialTest.

Usage: python3 botocore_signer.py SEED COUNT. Reads access keys as "id secret" lines on stdin; writes one JSON
object per request: method, path and query as sent, the signed headers as [name, value] pairs (with the Host
that urllib3 would add), the body in base64, and the key, region and time it was signed with. Paths avoid ".", ".." and empty segments, like the Java generator.
"""
import base64
import datetime
import json
import random
import sys

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.utils import percent_encode_sequence

PATH_RAW = "ABCXYZabcxyz0189-._~!$&'()*+,;=:@"
EXOTIC = [" ", "/", "?", "#", "%", "\"", "<", ">", "[", "]", "^", "`", "{", "|", "}", "\\", "\u00e9", "\u1234",
          "\U0001F600", "\u0000", "\u007f", "+", "=", "&"]
TEXT = "ABCabcxyz0189-._~+/=%& *!'()@:;,"
ENDPOINTS = ["http://127.0.0.1:4566", "http://localhost:8443", "https://iot.eu-west-1.amazonaws.com"]
REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1", "cn-northwest-1", "me-central-1"]


def encoded(rng, text):
    return "".join(("%%%02X" if rng.random() < 0.75 else "%%%02x") % b for b in text.encode("utf-8"))


def segment(rng):
    units = [rng.choice(PATH_RAW) if rng.random() < 0.5 else encoded(rng, rng.choice(EXOTIC))
             for _ in range(rng.randint(1, 6))]
    value = "".join(units)
    return value + "x" if value in (".", "..") else value


def text(rng, low, high):
    return "".join(rng.choice(EXOTIC[16:19]) if rng.random() < 1 / 6 else rng.choice(TEXT)
                   for _ in range(rng.randint(low, high)))


def header_value(rng):
    words = ["".join(chr(rng.randint(0x21, 0x7e)) for _ in range(rng.randint(1, 8))) for _ in range(rng.randint(0, 3))]
    value = ""
    for i, word in enumerate(words):
        value += ("" if i == 0 else "".join(rng.choice(" \t ") for _ in range(rng.randint(1, 3)))) + word
    return (" " if rng.random() < 0.5 else "") + value + ("  " if rng.random() < 0.5 else "")


def request(rng, presigned):
    method = rng.choice(["GET", "PUT", "POST", "DELETE"])
    path = "".join("/" + segment(rng) for _ in range(rng.randint(1, 4))) + ("/" if rng.random() < 0.2 else "")
    query = [(text(rng, 1, 8), text(rng, 0, 10)) for _ in range(rng.randint(0, 4))]
    url = rng.choice(ENDPOINTS) + path + ("?" + percent_encode_sequence(query) if query else "")
    # SigV4QueryAuth moves a body into the query string, so presigned requests carry none.
    with_body = method in ("PUT", "POST") and not presigned
    body = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 512))) if with_body else b""
    aws = AWSRequest(method=method, url=url, data=body)
    for i in range(rng.randint(0, 3)):
        name = "".join(c.upper() if rng.random() < 0.5 else c for c in "x-test-" + chr(ord("a") + i))
        for _ in range(rng.randint(1, 3)):
            aws.headers[name] = header_value(rng)
    return aws


def main():
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    keys = [line.split() for line in sys.stdin.read().splitlines() if line.strip()]
    rng = random.Random(seed)
    for _ in range(count):
        key_id, secret = rng.choice(keys)
        region = rng.choice(REGIONS)
        when = datetime.datetime(2020, 9, 13, tzinfo=datetime.timezone.utc) + datetime.timedelta(
            seconds=rng.randint(0, 400_000_000))
        botocore.auth.get_current_datetime = lambda: when
        presigned = rng.random() < 1 / 3
        expires = rng.randint(1, 604800)
        credentials = Credentials(key_id, secret)
        signer = (botocore.auth.SigV4QueryAuth(credentials, "iot", region, expires=expires) if presigned
                  else botocore.auth.SigV4Auth(credentials, "iot", region))
        aws = request(rng, presigned)
        signer.add_auth(aws)
        prepared = aws.prepare()
        authority = prepared.url.split("://", 1)[1]
        target = authority[authority.index("/"):]
        host = authority[:authority.index("/")]
        path, _, query = target.partition("?")
        print(json.dumps({
            "method": prepared.method, "path": path, "query": query if "?" in target else None,
            # The signed request's headers: preparing keeps one value of a repeated header, signing covers all.
            "headers": [["Host", host]] + [[name, value] for name, value in aws.headers.items()],
            "body": base64.b64encode(prepared.body or b"").decode("ascii"),
            "key": key_id, "region": region, "time": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "presigned": presigned, "expires": expires}))


if __name__ == "__main__":
    main()
