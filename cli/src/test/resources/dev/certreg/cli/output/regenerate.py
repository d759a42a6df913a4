#!/usr/bin/env python3
"""Rewrites the *.table golden files from the *.json documents here with the AWS CLI v1's own TableFormatter.

TableFormatterTest compares certreg's port with these files. Run with the AWS CLI v1 installed (1.45.11 made the
committed files); the output must not be a terminal, so the CLI uses its 80-column default: python3 regenerate.py
"""
import glob
import io
import json
import os
import types

from awscli.formatter import TableFormatter

TITLES = {"list-certificates-by-ca": "ListCertificatesByCA", "describe-ca-certificate": "DescribeCACertificate",
          "get-registration-code": "GetRegistrationCode", "empty-list": "ListCertificates", "nested": "Nested"}

here = os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob(os.path.join(here, "*.json"))):
    name = os.path.basename(path)[:-len(".json")]
    with open(path) as f:
        document = json.load(f)
    stream = io.StringIO()
    TableFormatter(types.SimpleNamespace(color="off", query=None))(TITLES[name], document, stream)
    with open(os.path.join(here, name + ".table"), "w") as f:
        f.write(stream.getvalue())
