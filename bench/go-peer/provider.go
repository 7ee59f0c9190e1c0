package main

import (
	"context"
	"net/http"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type keywardProvider struct{}

type providerModel struct {
	Endpoint types.String `tfsdk:"endpoint"`
	Token    types.String `tfsdk:"token"`
}

func newProvider() provider.Provider { return &keywardProvider{} }

func (p *keywardProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "keyward"
}

func (p *keywardProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"endpoint": schema.StringAttribute{Optional: true},
		"token":    schema.StringAttribute{Optional: true, Sensitive: true},
	}}
}

func (p *keywardProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := &client{endpoint: os.Getenv("KEYWARD_ENDPOINT"), token: os.Getenv("KEYWARD_TOKEN"), http: &http.Client{}}
	if !config.Endpoint.IsNull() && !config.Endpoint.IsUnknown() {
		c.endpoint = config.Endpoint.ValueString()
	}
	if !config.Token.IsNull() && !config.Token.IsUnknown() {
		c.token = config.Token.ValueString()
	}
	if c.endpoint == "" || c.token == "" {
		resp.Diagnostics.AddError("Missing Keyward settings", "Set endpoint and token in the provider block or KEYWARD_ENDPOINT and KEYWARD_TOKEN.")
		return
	}
	resp.ResourceData = c
}

func (p *keywardProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{newRoleResource, newIntegrationUserResource, newAPIKeyResource}
}

func (p *keywardProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }
