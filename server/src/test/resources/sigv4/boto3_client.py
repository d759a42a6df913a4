"""Drives a certreg server with a real boto3 IoT client, for Boto3EndToEndTest.

Usage: python3 boto3_client.py ENDPOINT KEY SECRET, with a device certificate PEM on stdin. Prints one JSON object:
what each call returned, or the error code and HTTP status it raised.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


def client(endpoint, key, secret):
    return boto3.session.Session().client(
        "iot", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=key,
        aws_secret_access_key=secret, config=Config(retries={"total_max_attempts": 1}, proxies={}))


def outcome(call):
    try:
        return call()
    except ClientError as e:
        return [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]


def main():
    endpoint, key, secret = sys.argv[1:4]
    pem = sys.stdin.read()
    iot = client(endpoint, key, secret)
    results = {
        "registrationCode": outcome(lambda: iot.get_registration_code()["registrationCode"]),
        "registered": outcome(lambda: iot.register_certificate_without_ca(certificatePem=pem)["certificateId"]),
        "listed": outcome(lambda: [c["certificateId"] for c in iot.list_certificates(
            pageSize=1, ascendingOrder=True)["certificates"]]),
        "foreignMarker": outcome(lambda: iot.list_certificates(pageSize=1, marker="AB+c/d==")),
        "wrongSecret": outcome(lambda: client(endpoint, key, "not-" + secret).get_registration_code()),
        "unknownKey": outcome(lambda: client(endpoint, "AKIDNOBODY", secret).get_registration_code()),
    }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
