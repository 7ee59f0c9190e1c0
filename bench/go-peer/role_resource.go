package main

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ resource.ResourceWithImportState = &roleResource{}

type roleResource struct{ withClient }

type roleModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	Permissions types.Set    `tfsdk:"permissions"`
	Preset      types.String `tfsdk:"preset"`
	CreatedAt   types.String `tfsdk:"created_at"`
}

type roleAPI struct {
	ID          string  `json:"id,omitempty"`
	Name        string  `json:"name"`
	Description string  `json:"description"`
	Permissions []grant `json:"permissions,omitempty"`
	Preset      *string `json:"preset,omitempty"`
	CreatedAt   string  `json:"created_at,omitempty"`
}

func newRoleResource() resource.Resource { return &roleResource{} }

func (r *roleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role"
}

func (r *roleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id":          computedString(),
		"name":        schema.StringAttribute{Required: true},
		"description": schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"permissions": permissionsAttribute(),
		"preset":      schema.StringAttribute{Optional: true},
		"created_at":  computedString(),
	}}
}

func roleToAPI(ctx context.Context, m roleModel, diags *diag.Diagnostics) roleAPI {
	return roleAPI{Name: m.Name.ValueString(), Description: m.Description.ValueString(), Permissions: grantsFromModel(ctx, m.Permissions, diags), Preset: stringOrNil(m.Preset)}
}

func roleToModel(ctx context.Context, api roleAPI, m *roleModel, diags *diag.Diagnostics) {
	m.ID, m.Name, m.Description = types.StringValue(api.ID), types.StringValue(api.Name), types.StringValue(api.Description)
	m.Permissions = grantsToModel(ctx, api.Permissions, diags)
	m.Preset, m.CreatedAt = optionalString(api.Preset), types.StringValue(api.CreatedAt)
}

func (r *roleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan roleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var out roleAPI
	if err := r.client.call(ctx, "POST", "/v1/roles", roleToAPI(ctx, plan, &resp.Diagnostics), &out); err != nil {
		resp.Diagnostics.AddError("Unable to create role", err.Error())
		return
	}
	roleToModel(ctx, out, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *roleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var out roleAPI
	err := r.client.call(ctx, "GET", "/v1/roles/"+state.ID.ValueString(), nil, &out)
	if errors.Is(err, errNotFound) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Unable to read role", err.Error())
		return
	}
	roleToModel(ctx, out, &state, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *roleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state roleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var out roleAPI
	if err := r.client.call(ctx, "PATCH", "/v1/roles/"+state.ID.ValueString(), roleToAPI(ctx, plan, &resp.Diagnostics), &out); err != nil {
		resp.Diagnostics.AddError("Unable to update role", err.Error())
		return
	}
	roleToModel(ctx, out, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *roleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if err := r.client.call(ctx, "DELETE", "/v1/roles/"+state.ID.ValueString(), nil, nil); err != nil && !errors.Is(err, errNotFound) {
		resp.Diagnostics.AddError("Unable to delete role", err.Error())
	}
}

func (r *roleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
