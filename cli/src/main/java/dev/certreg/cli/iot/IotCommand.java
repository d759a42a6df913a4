package dev.certreg.cli.iot;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code certreg iot}: the AWS CLI's {@code aws iot} commands for the operations certreg serves, with the AWS CLI's
 * names, output and errors. Not thread-safe; picocli makes one per run.
 */
@Command(name = "iot", mixinStandardHelpOptions = true,
        description = "Call a certreg server as `aws iot` would: certreg iot <operation> --endpoint-url URL ...",
        subcommands = {
            RegisterCaCertificateCommand.class,
            GetRegistrationCodeCommand.class,
            DeleteRegistrationCodeCommand.class,
            DescribeCaCertificateCommand.class,
            UpdateCaCertificateCommand.class,
            DeleteCaCertificateCommand.class,
            ListCaCertificatesCommand.class,
            RegisterCertificateCommand.class,
            RegisterCertificateWithoutCaCommand.class,
            DescribeCertificateCommand.class,
            UpdateCertificateCommand.class,
            DeleteCertificateCommand.class,
            ListCertificatesCommand.class,
            ListCertificatesByCaCommand.class,
            CreateKeysAndCertificateCommand.class,
            CreateCertificateFromCsrCommand.class,
            DescribeEndpointCommand.class,
            TransferCertificateCommand.class,
            AcceptCertificateTransferCommand.class,
            RejectCertificateTransferCommand.class,
            CancelCertificateTransferCommand.class,
            CreatePolicyCommand.class,
            GetPolicyCommand.class,
            ListPoliciesCommand.class,
            DeletePolicyCommand.class,
            CreatePolicyVersionCommand.class,
            GetPolicyVersionCommand.class,
            ListPolicyVersionsCommand.class,
            SetDefaultPolicyVersionCommand.class,
            DeletePolicyVersionCommand.class,
            AttachPolicyCommand.class,
            DetachPolicyCommand.class,
            ListAttachedPoliciesCommand.class,
            ListTargetsForPolicyCommand.class,
            AttachPrincipalPolicyCommand.class,
            DetachPrincipalPolicyCommand.class,
            ListPrincipalPoliciesCommand.class,
            ListPolicyPrincipalsCommand.class,
            TagResourceCommand.class,
            UntagResourceCommand.class,
            ListTagsForResourceCommand.class,
            CreateThingCommand.class,
            DescribeThingCommand.class,
            UpdateThingCommand.class,
            DeleteThingCommand.class,
            ListThingsCommand.class,
            AttachThingPrincipalCommand.class,
            DetachThingPrincipalCommand.class,
            ListThingPrincipalsCommand.class,
            ListThingPrincipalsV2Command.class,
            ListPrincipalThingsCommand.class,
            ListPrincipalThingsV2Command.class
        })
public final class IotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without an operation: the list of operations, and the usage status, as {@code aws iot} without one. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
