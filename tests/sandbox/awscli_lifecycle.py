#!/usr/bin/env python3
"""Proof that sms-local speaks true SMS: the real AWS CLI v2 drives it through
a whole application lifecycle, and every answer is parsed and asserted; boto3
pages through it and gets its modeled exceptions.

Usage: awscli_lifecycle.py SMS_LOCAL_BINARY [AWS_CLI]
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

import yaml

SMS_LOCAL = sys.argv[1] if len(sys.argv) > 1 else "sms-local"
AWS = sys.argv[2] if len(sys.argv) > 2 else "/usr/bin/aws"
# The documented sandbox key pair (docs/user-guide.md).
ACCESS_KEY = "AKIASMSLOCALSANDBOX1"
SECRET_KEY = "sms-local/sandbox/secret/do-not-use-for-aws"


class SmsLocal:
    """An sms-local process on a free port, stopped with SIGTERM."""

    def __init__(self, workdir, *extra):
        self.workdir = workdir
        self.s3 = os.path.join(workdir, "s3")
        args = [SMS_LOCAL, "--port", "0", "--servers", "500", "--seed", "7", "--time-scale", "200",
                "--failure-rate", "0", "--s3-dir", self.s3, *extra]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().strip()
        prefix = "sms-local listening on http://127.0.0.1:"
        if not line.startswith(prefix):
            raise RuntimeError("sms-local did not start: %r %s" % (line, self.process.stderr.read()))
        self.url = line[len("sms-local listening on "):]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=30)
        self.process.stdout.close()
        self.process.stderr.close()
        return code


class AwsCli:
    def __init__(self, url, home, secret=SECRET_KEY):
        self.url = url
        self.env = dict(os.environ, HOME=home, AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=secret,
                        AWS_DEFAULT_REGION="us-east-1", AWS_PAGER="", AWS_CONFIG_FILE=os.path.join(home, "config"),
                        AWS_SHARED_CREDENTIALS_FILE=os.path.join(home, "credentials"), AWS_MAX_ATTEMPTS="1")
        for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
            self.env.pop(name, None)

    def run(self, *args, service="sms"):
        command = [AWS, "--endpoint-url", self.url, "--output", "json", service, *args]
        return subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=120)

    def __call__(self, *args):
        result = self.run(*args)
        if result.returncode != 0:
            raise AssertionError("aws sms %s failed (%d): %s" % (" ".join(args), result.returncode, result.stderr))
        return json.loads(result.stdout) if result.stdout.strip() else {}


def wait_for(read, done, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if done(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out; last seen: %r" % (value,))
        time.sleep(0.2)


class Lifecycle(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.sms_local = SmsLocal(self.tmp.name)
        self.aws = AwsCli(self.sms_local.url, self.tmp.name)

    def tearDown(self):
        if self.sms_local.process.poll() is None:
            self.assertEqual(self.sms_local.stop(), 0)
        self.tmp.cleanup()

    def pick_servers(self, count):
        """Servers whose VM manager has a healthy connector, from the catalog."""
        connectors = self.aws("get-connectors")["connectorList"]
        healthy = {c["vmManagerId"] for c in connectors if c["status"] == "HEALTHY"}
        servers = self.aws("get-servers")["serverList"]
        return [s["serverId"] for s in servers if s["vmServer"]["vmServerAddress"]["vmManagerId"] in healthy][:count]

    def test_catalog_with_paging(self):
        connectors = self.aws("get-connectors")["connectorList"]
        self.assertGreaterEqual(len(connectors), 3)
        self.assertEqual([c["status"] for c in connectors].count("UNHEALTHY"), 1)
        self.assertEqual({c["vmManagerType"] for c in connectors}, {"VSPHERE", "SCVMM", "HYPERV-MANAGER"})

        one_page = self.aws("get-servers", "--no-paginate", "--max-results", "10")
        self.assertEqual(one_page["serverCatalogStatus"], "AVAILABLE")
        self.assertEqual(len(one_page["serverList"]), 10)
        self.assertIn("nextToken", one_page)
        everything = self.aws("get-servers", "--page-size", "100")  # the CLI follows nextToken
        ids = [s["serverId"] for s in everything["serverList"]]
        self.assertEqual(len(ids), 500)
        self.assertEqual(len(set(ids)), 500)

        first = self.aws("get-servers", "--max-items", "150", "--page-size", "100")
        self.assertEqual(len(first["serverList"]), 150)
        rest = self.aws("get-servers", "--starting-token", first["NextToken"], "--page-size", "100")
        self.assertEqual([s["serverId"] for s in first["serverList"] + rest["serverList"]], ids)

    def test_application_lifecycle(self):
        web, app_server, db = self.pick_servers(3)
        created = self.aws("create-app", "--name", "payroll", "--description", "Payroll system",
                           "--role-name", "sms-payroll", "--client-token", "lifecycle-1",
                           "--server-groups", json.dumps([
                               {"name": "front", "serverList": [{"serverId": web}, {"serverId": app_server}]},
                               {"name": "data", "serverList": [{"serverId": db}]}]),
                           "--tags", "key=env,value=prod", "key=team,value=finance")
        summary = created["appSummary"]
        app_id = summary["appId"]
        self.assertTrue(app_id.startswith("app-"))
        self.assertEqual(summary["name"], "payroll")
        self.assertEqual(summary["totalServers"], 3)
        self.assertEqual(summary["totalServerGroups"], 2)
        self.assertEqual(summary["replicationStatus"], "READY_FOR_CONFIGURATION")
        self.assertEqual(created["tags"], [{"key": "env", "value": "prod"}, {"key": "team", "value": "finance"}])
        front, data = (g["serverGroupId"] for g in created["serverGroups"])
        # The same client token is the same application, not a second one.
        again = self.aws("create-app", "--name", "payroll", "--client-token", "lifecycle-1")
        self.assertEqual(again["appSummary"]["appId"], app_id)
        self.assertEqual([a["appId"] for a in self.aws("list-apps")["apps"]], [app_id])

        replication = [
            {"serverGroupId": front, "serverReplicationConfigurations": [
                {"server": {"serverId": web}, "serverReplicationParameters": {"frequency": 12, "numberOfRecentAmisToKeep": 3}},
                {"server": {"serverId": app_server}, "serverReplicationParameters": {"runOnce": True, "licenseType": "BYOL"}}]},
            {"serverGroupId": data, "serverReplicationConfigurations": [
                {"server": {"serverId": db}, "serverReplicationParameters": {"frequency": 6, "encrypted": True}}]}]
        self.aws("put-app-replication-configuration", "--app-id", app_id,
                 "--server-group-replication-configurations", json.dumps(replication))
        stored = self.aws("get-app-replication-configuration", "--app-id", app_id)
        groups = stored["serverGroupReplicationConfigurations"]
        self.assertEqual([g["serverGroupId"] for g in groups], [front, data])
        self.assertEqual(groups[0]["serverReplicationConfigurations"][1]["serverReplicationParameters"],
                         {"runOnce": True, "licenseType": "BYOL"})
        self.assertEqual(groups[1]["serverReplicationConfigurations"][0]["server"]["serverId"], db)
        self.assertIn("vmServer", groups[1]["serverReplicationConfigurations"][0]["server"])

        self.aws("start-app-replication", "--app-id", app_id)
        jobs = self.aws("get-replication-jobs")["replicationJobList"]
        self.assertEqual(sorted(j["serverId"] for j in jobs), sorted([web, app_server, db]))
        replicated = wait_for(lambda: self.aws("get-app", "--app-id", app_id)["appSummary"],
                              lambda s: s["replicationStatus"] in ("REPLICATED", "REPLICATION_FAILED"))
        self.assertEqual(replicated["replicationStatus"], "REPLICATED")
        self.assertIn("latestReplicationTime", replicated)
        job = self.aws("get-replication-jobs", "--replication-job-id",
                       next(j["replicationJobId"] for j in jobs if j["serverId"] == db))["replicationJobList"][0]
        self.assertTrue(job["latestAmiId"].startswith("ami-"))
        self.assertEqual(job["frequency"], 6)
        runs = self.aws("get-replication-runs", "--replication-job-id", job["replicationJobId"])
        self.assertEqual(runs["replicationRunList"][0]["state"], "COMPLETED")
        self.assertEqual(runs["replicationRunList"][0]["amiId"], job["latestAmiId"])

        launch = [
            {"serverGroupId": front, "launchOrder": 2, "serverLaunchConfigurations": [
                {"server": {"serverId": web}, "logicalId": "WebServer", "instanceType": "m5.large",
                 "subnet": "subnet-0abc", "securityGroup": "sg-0web", "associatePublicIpAddress": True},
                {"server": {"serverId": app_server}, "logicalId": "AppServer", "instanceType": "m5.xlarge"}]},
            {"serverGroupId": data, "launchOrder": 1, "serverLaunchConfigurations": [
                {"server": {"serverId": db}, "logicalId": "Database", "instanceType": "r5.large"}]}]
        self.aws("put-app-launch-configuration", "--app-id", app_id, "--role-name", "sms-launch",
                 "--server-group-launch-configurations", json.dumps(launch))
        stored = self.aws("get-app-launch-configuration", "--app-id", app_id)
        self.assertEqual(stored["appId"], app_id)
        self.assertEqual(stored["roleName"], "sms-launch")
        self.assertEqual([g["launchOrder"] for g in stored["serverGroupLaunchConfigurations"]], [2, 1])
        self.assertEqual(stored["serverGroupLaunchConfigurations"][0]["serverLaunchConfigurations"][0]["instanceType"],
                         "m5.large")

        self.aws("launch-app", "--app-id", app_id)
        launched = wait_for(lambda: self.aws("get-app", "--app-id", app_id)["appSummary"],
                            lambda s: s["launchStatus"] == "LAUNCHED")
        self.assertEqual(launched["launchDetails"]["stackName"], "sms-app-" + app_id)
        self.assertTrue(launched["launchDetails"]["stackId"].startswith("arn:aws:cloudformation:"))

        for fmt, load in (("JSON", json.load), ("YAML", yaml.safe_load)):
            location = self.aws("generate-template", "--app-id", app_id, "--template-format", fmt)["s3Location"]
            written = os.path.join(self.sms_local.s3, location["bucket"], location["key"])
            # sms-local serves its bucket as S3 does: the real CLI's s3api reads the template back.
            fetched = os.path.join(self.tmp.name, "fetched." + fmt.lower())
            got = self.aws.run("get-object", "--bucket", location["bucket"], "--key", location["key"], fetched,
                               service="s3api")
            self.assertEqual(got.returncode, 0, got.stderr)
            self.assertEqual(json.loads(got.stdout)["ContentLength"], os.path.getsize(written))
            with open(fetched, "rb") as copy, open(written, "rb") as original:
                self.assertEqual(copy.read(), original.read())
            with open(written) as stream:
                template = load(stream)
            self.assertEqual(template["AWSTemplateFormatVersion"], "2010-09-09")
            resources = template["Resources"]
            self.assertEqual(sorted(resources), ["AppServer", "Database", "WebServer"])
            self.assertEqual(resources["Database"]["Properties"]["ImageId"], job["latestAmiId"])
            self.assertEqual(resources["AppServer"]["Properties"]["InstanceType"], "m5.xlarge")
            self.assertIn("Database", resources["WebServer"]["DependsOn"])

        self.aws("terminate-app", "--app-id", app_id)
        wait_for(lambda: self.aws("get-app", "--app-id", app_id)["appSummary"]["launchStatus"],
                 lambda status: status == "TERMINATED")

        refused = self.aws.run("delete-app", "--app-id", app_id)
        self.assertEqual(refused.returncode, 254)
        self.assertIn("OperationNotPermittedException", refused.stderr)
        self.aws("delete-app", "--app-id", app_id, "--force-stop-app-replication")
        self.assertEqual(self.aws("list-apps")["apps"], [])
        self.assertEqual(self.aws("get-replication-jobs")["replicationJobList"], [])

    def test_errors(self):
        missing = self.aws.run("get-app")
        self.assertEqual(missing.returncode, 254)
        self.assertIn("MissingRequiredParameterException", missing.stderr)

        unknown = self.aws.run("get-app", "--app-id", "app-00000000000000000")
        self.assertEqual(unknown.returncode, 254)
        self.assertIn("InvalidParameterException", unknown.stderr)
        self.assertIn("app-00000000000000000", unknown.stderr)

        bad_signature = AwsCli(self.sms_local.url, self.tmp.name, secret="not-the-sandbox-secret").run("get-connectors")
        self.assertEqual(bad_signature.returncode, 254)
        self.assertIn("InvalidSignatureException", bad_signature.stderr)
        bad_s3_signature = AwsCli(self.sms_local.url, self.tmp.name, secret="not-the-sandbox-secret").run(
            "get-object", "--bucket", "sms-local-templates", "--key", "t.json", os.path.join(self.tmp.name, "t.json"),
            service="s3api")
        self.assertEqual(bad_s3_signature.returncode, 254)
        self.assertIn("SignatureDoesNotMatch", bad_s3_signature.stderr)

        bad_enum = self.aws.run("generate-template", "--app-id", "app-00000000000000000", "--template-format", "XML")
        self.assertEqual(bad_enum.returncode, 254)
        self.assertIn("InvalidParameterException", bad_enum.stderr)
        self.assertIn("Value 'XML' at 'templateFormat'", bad_enum.stderr)

    def test_boto3(self):
        import boto3
        session = boto3.session.Session(aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
                                        region_name="us-east-1")
        sms = session.client("sms", endpoint_url=self.sms_local.url)
        s3 = session.client("s3", endpoint_url=self.sms_local.url)
        with self.assertRaises(s3.exceptions.NoSuchKey):
            s3.get_object(Bucket="sms-local-templates", Key="templates/none.json")
        pages = list(sms.get_paginator("get_servers").paginate(PaginationConfig={"PageSize": 100}))
        self.assertEqual([len(page["serverList"]) for page in pages], [100] * 5)
        self.assertTrue(all(page["serverCatalogStatus"] == "AVAILABLE" for page in pages))
        server = self.pick_servers(1)[0]
        with self.assertRaises(sms.exceptions.ReplicationJobNotFoundException):
            sms.delete_replication_job(replicationJobId="sms-job-00000000000000000")
        job = sms.create_replication_job(serverId=server, seedReplicationTime=time.time(), runOnce=True)
        with self.assertRaises(sms.exceptions.ReplicationJobAlreadyExistsException):
            sms.create_replication_job(serverId=server, seedReplicationTime=time.time(), frequency=12)
        runs = wait_for(lambda: sms.get_replication_runs(replicationJobId=job["replicationJobId"]),
                        lambda r: r["replicationJob"]["state"] in ("COMPLETED", "FAILED"))
        self.assertEqual(runs["replicationJob"]["state"], "COMPLETED")
        self.assertTrue(runs["replicationRunList"][0]["amiId"].startswith("ami-"))
        # boto3 turns epoch seconds into datetimes: the timestamps are well-formed.
        self.assertLess(runs["replicationRunList"][0]["scheduledStartTime"],
                        runs["replicationRunList"][0]["completedTime"])

    def test_state_survives_a_restart(self):
        self.sms_local.stop()
        state = os.path.join(self.tmp.name, "state.json")
        self.sms_local = SmsLocal(self.tmp.name, "--state", state)
        self.aws = AwsCli(self.sms_local.url, self.tmp.name)
        server = self.pick_servers(1)[0]
        app_id = self.aws("create-app", "--name", "kept", "--server-groups",
                          json.dumps([{"name": "g", "serverList": [{"serverId": server}]}]))["appSummary"]["appId"]
        self.assertEqual(self.sms_local.stop(), 0)  # SIGTERM saves

        self.sms_local = SmsLocal(self.tmp.name, "--state", state)
        self.aws = AwsCli(self.sms_local.url, self.tmp.name)
        apps = self.aws("list-apps")["apps"]
        self.assertEqual([(a["appId"], a["name"], a["totalServers"]) for a in apps], [(app_id, "kept", 1)])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
