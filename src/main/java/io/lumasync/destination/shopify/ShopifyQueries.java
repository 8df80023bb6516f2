package io.lumasync.destination.shopify;

/**
 * The Admin GraphQL documents Lumasync sends, named so a shop's API logs (and the test fake) can tell them apart.
 * Each has the cost Shopify's calculator gives it before it runs (mutations 10 points, an object 1, a connection 2
 * plus its page), which the cost bucket reserves before sending.
 */
final class ShopifyQueries {
    private ShopifyQueries() {
    }

    static final String PROBE = """
            query ShopProbe {
              shop { name myshopifyDomain plan { displayName } }
              currentAppInstallation { accessScopes { handle } }
            }""";
    static final double PROBE_COST = 3;

    static final String STAGED_UPLOADS_CREATE = """
            mutation StagedUploadsCreate($input: [StagedUploadInput!]!) {
              stagedUploadsCreate(input: $input) {
                stagedTargets { url resourceUrl parameters { name value } }
                userErrors { field message }
              }
            }""";

    private static final String FILE_FIELDS = "id fileStatus alt ... on MediaImage { mimeType fileErrors { code details"
            + " message } image { url width height } originalSource { fileSize url } }";

    static final String FILE_CREATE = fileMutation("FileCreate", "fileCreate", "FileCreateInput");
    static final String FILE_UPDATE = fileMutation("FileUpdate", "fileUpdate", "FileUpdateInput");

    /** fileCreate and fileUpdate take a list of inputs and answer the files with the same fields. */
    private static String fileMutation(String operation, String field, String inputType) {
        return """
                mutation %s($files: [%s!]!) {
                  %s(files: $files) {
                    files { %s }
                    userErrors { field message code }
                  }
                }""".formatted(operation, inputType, field, FILE_FIELDS);
    }

    static final String FILE_DELETE = """
            mutation FileDelete($fileIds: [ID!]!) {
              fileDelete(fileIds: $fileIds) {
                deletedFileIds
                userErrors { field message code }
              }
            }""";
    static final double MUTATION_COST = 10;

    static final String FILE_STATUS = """
            query FileStatus($id: ID!) {
              node(id: $id) { %s }
            }""".formatted(FILE_FIELDS.replace("id fileStatus alt ... on MediaImage {",
            "id ... on MediaImage { fileStatus alt"));
    static final double FILE_STATUS_COST = 3;

    static final String FILES = """
            query Files($first: Int!, $after: String, $query: String) {
              files(first: $first, after: $after, query: $query, sortKey: ID) {
                edges { cursor node { %s } }
                pageInfo { hasNextPage endCursor }
              }
            }""".formatted(FILE_FIELDS);

    static double filesCost(int first) {
        return 2 + 3.0 * first;
    }

    static final String PAGES = """
            query PagesLinking($first: Int!, $after: String) {
              pages(first: $first, after: $after) {
                nodes { id title handle body }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    static double pagesCost(int first) {
        return 2 + 1.0 * first;
    }
}
