package dev.certreg.cli.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.testing.TestPki.Issued;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.iot.model.CACertificate;
import software.amazon.awssdk.services.iot.model.Certificate;

/**
 * The list commands walked in StartingToken chains across PageSize × MaxItems × order: every certificate appears
 * exactly once, in the server's order, whatever the combination.
 */
class PaginationTest extends RunningRegistry {
    private static final int DEVICES = 200;
    private static final int CAS = 11;

    private String caId;
    private List<String> devicesNewestFirst;
    private List<String> casNewestFirst;

    @BeforeAll
    void registerCasAndDevices() {
        Issued ca = newCa("paging CA");
        caId = registerCa(ca);
        registerDevices(ca, DEVICES);
        for (int i = 1; i < CAS; i++) {
            registerCa(newCa("other CA " + i));
        }
        devicesNewestFirst = iot.listCertificatesByCAPaginator(r -> r.caCertificateId(caId).pageSize(250))
                .certificates().stream().map(Certificate::certificateId).toList();
        casNewestFirst = iot.listCACertificatesPaginator(r -> r.pageSize(250)).certificates().stream()
                .map(CACertificate::certificateId).toList();
    }

    /** The full matrix, for ListCertificatesByCA. Every MaxItems but 200 cuts some page in the middle. */
    static Stream<Arguments> pageSizesMaxItemsAndOrders() {
        return matrix(new Integer[] {null, 7, 10, 25, 100, 250}, new Integer[] {null, 17, 60, 200});
    }

    /** The other lists share the paginator; a smaller matrix shows their commands wire it up the same way. */
    static Stream<Arguments> someOfTheMatrix() {
        return matrix(new Integer[] {null, 10, 250}, new Integer[] {null, 60});
    }

    /** Around the eleven CAs: pages of two, of all of them, and the server's default. */
    static Stream<Arguments> smallPageSizesMaxItemsAndOrders() {
        return matrix(new Integer[] {null, 2, 11}, new Integer[] {null, 3});
    }

    private static Stream<Arguments> matrix(Integer[] pageSizes, Integer[] maxItems) {
        List<Arguments> cases = new ArrayList<>();
        for (Integer pageSize : pageSizes) {
            for (Integer max : maxItems) {
                cases.add(Arguments.of(pageSize, max, false));
                cases.add(Arguments.of(pageSize, max, true));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "page size {0}, max items {1}, ascending {2}")
    @MethodSource("pageSizesMaxItemsAndOrders")
    void everyCertificateOfTheCaAppearsOnceInOrderAcrossTheTokenChain(
            Integer pageSize, Integer maxItems, boolean ascending) {
        List<String> walked = walk(maxItems, paging(pageSize, maxItems, ascending), "list-certificates-by-ca",
                "--ca-certificate-id", caId);

        assertThat(walked).containsExactlyElementsOf(inOrder(devicesNewestFirst, ascending));
    }

    @ParameterizedTest(name = "page size {0}, max items {1}, ascending {2}")
    @MethodSource("someOfTheMatrix")
    void everyCertificateOfTheAccountAppearsOnceInOrderAcrossTheTokenChain(
            Integer pageSize, Integer maxItems, boolean ascending) {
        List<String> walked = walk(maxItems, paging(pageSize, maxItems, ascending), "list-certificates");

        assertThat(walked).containsExactlyElementsOf(inOrder(devicesNewestFirst, ascending));
    }

    @ParameterizedTest(name = "page size {0}, max items {1}, ascending {2}")
    @MethodSource("smallPageSizesMaxItemsAndOrders")
    void everyCaAppearsOnceInOrderAcrossTheTokenChain(Integer pageSize, Integer maxItems, boolean ascending) {
        List<String> walked = walk(maxItems, paging(pageSize, maxItems, ascending), "list-ca-certificates");

        assertThat(walked).containsExactlyElementsOf(inOrder(casNewestFirst, ascending));
    }

    @Test
    void aTokenThatCutsAPageCarriesBotocoresTruncateAmount() {
        CliRun run = iot("list-certificates-by-ca", "--ca-certificate-id", caId, "--page-size", "10",
                "--max-items", "7");

        String token = new String(Base64.getDecoder().decode(run.nextToken().orElseThrow()), StandardCharsets.UTF_8);
        assertThat(token).isEqualTo("{\"marker\": null, \"boto_truncate_amount\": 7}");
    }

    @Test
    void aTokenResumesExactlyUnderAnotherPageSize() {
        CliRun first = iot("list-certificates-by-ca", "--ca-certificate-id", caId, "--page-size", "10",
                "--max-items", "7");
        CliRun rest = iot("list-certificates-by-ca", "--ca-certificate-id", caId, "--page-size", "4",
                "--starting-token", first.nextToken().orElseThrow());

        assertThat(Stream.concat(first.certificateIds().stream(), rest.certificateIds().stream()))
                .containsExactlyElementsOf(devicesNewestFirst);
    }

    @Test
    void withoutMaxItemsTheWholeListIsPrintedWithoutANextToken() {
        CliRun run = iot("list-certificates-by-ca", "--ca-certificate-id", caId, "--page-size", "7");

        assertThat(CliRun.keys(run.json())).containsExactly("certificates");
        assertThat(run.certificateIds()).containsExactlyElementsOf(devicesNewestFirst);
    }

    @Test
    void noPaginatePrintsOneRawPageWithTheServersMarker() {
        CliRun run = iot("list-certificates-by-ca", "--ca-certificate-id", caId, "--page-size", "7",
                "--no-paginate");

        assertThat(CliRun.keys(run.json())).containsExactly("certificates", "nextMarker");
        assertThat(run.certificateIds()).containsExactlyElementsOf(devicesNewestFirst.subList(0, 7));
    }

    @Test
    void listedCertificatesHaveTheAwsCliLayout() {
        CliRun run = iot("list-certificates-by-ca", "--ca-certificate-id", caId, "--max-items", "2");

        assertThat(CliRun.keys(run.json())).containsExactly("certificates", "NextToken");
        assertThat(CliRun.keys(run.json().get("certificates").get(0)))
                .containsExactly("certificateArn", "certificateId", "status", "certificateMode", "creationDate");
        assertThat(run.out()).containsPattern("\"creationDate\": \\d{10}\\.\\d{1,3}\n");
    }

    private static List<String> paging(Integer pageSize, Integer maxItems, boolean ascending) {
        List<String> args = new ArrayList<>();
        Optional.ofNullable(pageSize).ifPresent(size -> args.addAll(List.of("--page-size", size.toString())));
        Optional.ofNullable(maxItems).ifPresent(max -> args.addAll(List.of("--max-items", max.toString())));
        args.add(ascending ? "--ascending-order" : "--no-ascending-order");
        return args;
    }

    /** Runs the command, then again from each NextToken until there is none; checks each run's size on the way. */
    private List<String> walk(Integer maxItems, List<String> paging, String operation, String... args) {
        List<String> walked = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            List<String> command = new ArrayList<>(List.of(args));
            command.addAll(paging);
            token.ifPresent(t -> command.addAll(List.of("--starting-token", t)));
            CliRun run = iot(operation, command.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isZero();
            token = run.nextToken();
            if (token.isPresent()) {
                assertThat(run.certificateIds()).hasSize(maxItems);
            }
            walked.addAll(run.certificateIds());
        } while (token.isPresent());
        return walked;
    }

    private static List<String> inOrder(List<String> newestFirst, boolean ascending) {
        List<String> ids = new ArrayList<>(newestFirst);
        if (ascending) {
            Collections.reverse(ids);
        }
        return ids;
    }
}
