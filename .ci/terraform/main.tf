# What the Terraform check applies against ./certreg serve: a CA certificate registered with proof of possession,
# a device certificate registered under it, one made by CreateKeysAndCertificate, a thing with that certificate
# attached, and a tagged policy attached to it. terraform_check.py mints the PEMs at run time and passes them as variables.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

variable "endpoint" {
  type = string
}

variable "ca_pem" {
  type = string
}

variable "verification_pem" {
  type = string
}

variable "device_pem" {
  type = string
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "AKIDEXAMPLE"
  secret_key                  = "secret"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  skip_region_validation      = true

  endpoints {
    iot = var.endpoint
  }
}

resource "aws_iot_ca_certificate" "fleet" {
  active                       = true
  allow_auto_registration      = false
  ca_certificate_pem           = var.ca_pem
  verification_certificate_pem = var.verification_pem

  tags = {
    team = "fleet"
    env  = "check"
  }
}

resource "aws_iot_certificate" "registered" {
  active          = true
  certificate_pem = var.device_pem
  ca_pem          = aws_iot_ca_certificate.fleet.ca_certificate_pem
}

resource "aws_iot_certificate" "created" {
  active = true
}

resource "aws_iot_thing" "bulb" {
  name = "tf-light-bulb"

  attributes = {
    model = "bulb-1"
  }
}

resource "aws_iot_thing_principal_attachment" "bulb" {
  thing     = aws_iot_thing.bulb.name
  principal = aws_iot_certificate.created.arn
}

resource "aws_iot_policy" "connect" {
  name = "tf-connect"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iot:Connect"]
      Resource = ["arn:aws:iot:us-east-1:123456789012:client/$${iot:Connection.Thing.ThingName}"]
    }]
  })

  tags = {
    team = "fleet"
  }
}

resource "aws_iot_policy_attachment" "created" {
  policy = aws_iot_policy.connect.name
  target = aws_iot_certificate.created.arn
}

output "thing_arn" {
  value = aws_iot_thing.bulb.arn
}
