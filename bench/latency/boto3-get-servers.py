#!/usr/bin/env python3
"""List every server of an SMS endpoint with a boto3 paginator, as a Python
user would write it, for bench/latency.sh.

    boto3-get-servers.py --endpoint-url URL [--region us-east-1]

It prints {"serverList": [...]} as JSON on stdout. The paginator gets no page
size, so it sends no maxResults and the service answers with its default
pages (50 servers in SMS), as the AWS CLI does without --page-size.
Credentials come from the environment; bench/latency.sh sets dummy ones.
"""
import argparse
import json
import sys

import boto3


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--endpoint-url", required=True)
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()

    client = boto3.client("sms", endpoint_url=args.endpoint_url, region_name=args.region)
    servers = []
    for page in client.get_paginator("get_servers").paginate():
        servers.extend(page.get("serverList", []))
    # json.dumps, not json.dump: only dumps runs the C encoder (dump always
    # streams through the pure-Python one), so the time is the listing's.
    sys.stdout.write(json.dumps({"serverList": servers}, default=str))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
