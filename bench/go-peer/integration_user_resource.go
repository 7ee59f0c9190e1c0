package main

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ resource.ResourceWithImportState = &integrationUserResource{}

type integrationUserResource struct{ withClient }

type integrationUserModel struct {
	ID        types.String `tfsdk:"id"`
	Username  types.String `tfsdk:"username"`
	Name      types.String `tfsdk:"name"`
	Email     types.String `tfsdk:"email"`
	Active    types.Bool   `tfsdk:"active"`
	RoleIDs   types.Set    `tfsdk:"role_ids"`
	CreatedAt types.String `tfsdk:"created_at"`
}

type userAPI struct {
	ID        string   `json:"id,omitempty"`
	Username  string   `json:"username"`
	Name      string   `json:"name"`
	Email     *string  `json:"email,omitempty"`
	Active    *bool    `json:"active,omitempty"`
	RoleIDs   []string `json:"role_ids,omitempty"`
	CreatedAt string   `json:"created_at,omitempty"`
}

func newIntegrationUserResource() resource.Resource { return &integrationUserResource{} }

func (r *integrationUserResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_integration_user"
}

func (r *integrationUserResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id":         computedString(),
		"username":   schema.StringAttribute{Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		"name":       schema.StringAttribute{Required: true},
		"email":      schema.StringAttribute{Optional: true},
		"active":     schema.BoolAttribute{Optional: true, Computed: true, PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}},
		"role_ids":   schema.SetAttribute{Optional: true, Computed: true, ElementType: types.StringType, PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()}},
		"created_at": computedString(),
	}}
}

func userToAPI(ctx context.Context, m integrationUserModel, diags *diag.Diagnostics) userAPI {
	api := userAPI{Username: m.Username.ValueString(), Name: m.Name.ValueString(), Email: stringOrNil(m.Email), RoleIDs: setToStrings(ctx, m.RoleIDs, diags)}
	if !m.Active.IsNull() && !m.Active.IsUnknown() {
		active := m.Active.ValueBool()
		api.Active = &active
	}
	return api
}

func userToModel(ctx context.Context, api userAPI, m *integrationUserModel, diags *diag.Diagnostics) {
	m.ID, m.Username, m.Name = types.StringValue(api.ID), types.StringValue(api.Username), types.StringValue(api.Name)
	m.Email, m.Active = optionalString(api.Email), types.BoolValue(api.Active != nil && *api.Active)
	m.RoleIDs, m.CreatedAt = stringsToSet(ctx, api.RoleIDs, diags), types.StringValue(api.CreatedAt)
}

func (r *integrationUserResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan integrationUserModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var out userAPI
	if err := r.client.call(ctx, "POST", "/v1/users", userToAPI(ctx, plan, &resp.Diagnostics), &out); err != nil {
		resp.Diagnostics.AddError("Unable to create integration user", err.Error())
		return
	}
	userToModel(ctx, out, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *integrationUserResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state integrationUserModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var out userAPI
	err := r.client.call(ctx, "GET", "/v1/users/"+state.ID.ValueString(), nil, &out)
	if errors.Is(err, errNotFound) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Unable to read integration user", err.Error())
		return
	}
	userToModel(ctx, out, &state, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *integrationUserResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state integrationUserModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var out userAPI
	if err := r.client.call(ctx, "PATCH", "/v1/users/"+state.ID.ValueString(), userToAPI(ctx, plan, &resp.Diagnostics), &out); err != nil {
		resp.Diagnostics.AddError("Unable to update integration user", err.Error())
		return
	}
	userToModel(ctx, out, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *integrationUserResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state integrationUserModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if err := r.client.call(ctx, "DELETE", "/v1/users/"+state.ID.ValueString(), nil, nil); err != nil && !errors.Is(err, errNotFound) {
		resp.Diagnostics.AddError("Unable to delete integration user", err.Error())
	}
}

func (r *integrationUserResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
