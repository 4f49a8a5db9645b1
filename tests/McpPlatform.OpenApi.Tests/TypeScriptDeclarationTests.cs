namespace McpPlatform.OpenApi.Tests;

/// <summary>The Code Mode declarations written from an operation's schemas: the shapes, the doc comment, the bounds.</summary>
public sealed class TypeScriptDeclarationTests
{
    private static readonly string AddCard = Documents.Load("shapes.yaml").Named("add_card").ToDescriptor("shapes").TypeScript!;

    [Fact]
    public void Arguments_map_every_schema_shape()
    {
        var signature = AddCard[(AddCard.IndexOf("*/\n", StringComparison.Ordinal) + 3)..];
        Assert.Equal(
            "shapes_add_card(args: { board: string; \"dry-run\"?: boolean; body: { title: string; kind: \"note\" | \"task\" | \"it's\"; "
            + "due?: null | string; labels?: string[]; fields?: { [key: string]: number }; meta?: Record<string, unknown>; "
            + "target?: string | number[]; owner?: { name?: string } & { role?: string } } }): Promise<{ id?: number; priority?: 1 | 2 | 3 }>;",
            signature);
    }

    [Fact]
    public void The_doc_comment_has_the_description_the_request_line_and_the_parameters_and_cannot_be_closed_early()
    {
        var doc = AddCard[..(AddCard.IndexOf("*/\n", StringComparison.Ordinal) + 2)];
        Assert.Equal(
            "/** Add a card *\\/ to a board\n *\n * Cards are short notes.\n * They go on top of the board.\n * POST /boards/{board}/cards\n * @param args.board The board's key. */",
            doc);
    }

    [Fact]
    public void Recursive_references_become_unknown_with_the_type_name_and_null_joins_the_union()
    {
        var tree = Documents.Load("tree.yaml");
        Assert.EndsWith(
            "tree_get_node(args: { id: number }): Promise<{ name?: string; children?: unknown /* Node, recursive */[]; "
            + "owner?: { name?: null | string; manager?: unknown /* Person, recursive */; team?: { lead?: unknown /* Person, recursive */ } } }>;",
            tree.Named("get_node").ToDescriptor("tree").TypeScript);
    }

    [Fact]
    public void Operations_without_arguments_or_required_ones_and_without_a_json_result_say_so()
    {
        var petstore = Documents.Load("petstore.json");
        Assert.EndsWith("p_list_pets(args?: { limit?: number; \"X-Request-Id\"?: string }): Promise<({ name: string; tag?: null | string; default?: string } & { id: string })[]>;",
            petstore.Named("list_pets").ToDescriptor("p").TypeScript);
        Assert.EndsWith("p_delete_pets_pet_id(args: { petId: string }): Promise<unknown>;", petstore.Named("delete_pets_pet_id").ToDescriptor("p").TypeScript);
    }

    [Fact]
    public void A_namespace_that_starts_with_a_digit_gets_an_identifier_for_code_mode()
    {
        var descriptor = Documents.Load("petstore.json").Named("list_pets").ToDescriptor("9pets");
        Assert.Equal(("9pets_list_pets", "_9pets_list_pets"), (descriptor.Name, descriptor.CodeModeName));
        Assert.Contains("\n_9pets_list_pets(args?:", descriptor.TypeScript, StringComparison.Ordinal);
    }
}
