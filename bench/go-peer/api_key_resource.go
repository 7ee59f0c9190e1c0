package main

import (
	"context"
	"errors"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/numberplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ resource.ResourceWithImportState = &apiKeyResource{}

type apiKeyResource struct{ withClient }

type apiKeyModel struct {
	ID                types.String `tfsdk:"id"`
	Name              types.String `tfsdk:"name"`
	Description       types.String `tfsdk:"description"`
	UserID            types.String `tfsdk:"user_id"`
	ExpiresAt         types.String `tfsdk:"expires_at"`
	Active            types.Bool   `tfsdk:"active"`
	Permissions       types.Set    `tfsdk:"permissions"`
	Preset            types.String `tfsdk:"preset"`
	AllowedIPs        types.Set    `tfsdk:"allowed_ips"`
	RotateWhenChanged types.Map    `tfsdk:"rotate_when_changed"`
	Number            types.Number `tfsdk:"number"`
	Prefix            types.String `tfsdk:"prefix"`
	Status            types.String `tfsdk:"status"`
	Token             types.String `tfsdk:"token"`
	CreatedAt         types.String `tfsdk:"created_at"`
}

type apiKeyAPI struct {
	ID          string   `json:"id,omitempty"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	UserID      string   `json:"user_id"`
	ExpiresAt   *string  `json:"expires_at,omitempty"`
	Active      *bool    `json:"active,omitempty"`
	Permissions []grant  `json:"permissions,omitempty"`
	Preset      *string  `json:"preset,omitempty"`
	AllowedIPs  []string `json:"allowed_ips,omitempty"`
	Number      int64    `json:"number,omitempty"`
	Prefix      string   `json:"prefix,omitempty"`
	Status      string   `json:"status,omitempty"`
	Token       string   `json:"token,omitempty"`
	CreatedAt   string   `json:"created_at,omitempty"`
}

func newAPIKeyResource() resource.Resource { return &apiKeyResource{} }

func (r *apiKeyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_api_key"
}

func (r *apiKeyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id":                  computedString(),
		"name":                schema.StringAttribute{Required: true},
		"description":         schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"user_id":             schema.StringAttribute{Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		"expires_at":          schema.StringAttribute{Optional: true},
		"active":              schema.BoolAttribute{Optional: true, Computed: true, PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}},
		"permissions":         permissionsAttribute(),
		"preset":              schema.StringAttribute{Optional: true},
		"allowed_ips":         schema.SetAttribute{Optional: true, Computed: true, ElementType: types.StringType, PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()}},
		"rotate_when_changed": schema.MapAttribute{Optional: true, ElementType: types.StringType, PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()}},
		"number":              schema.NumberAttribute{Computed: true, PlanModifiers: []planmodifier.Number{numberplanmodifier.UseStateForUnknown()}},
		"prefix":              computedString(),
		"status":              computedString(),
		"token":               schema.StringAttribute{Computed: true, Sensitive: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"created_at":          computedString(),
	}}
}

func apiKeyToAPI(ctx context.Context, m apiKeyModel, diags *diag.Diagnostics) apiKeyAPI {
	api := apiKeyAPI{
		Name: m.Name.ValueString(), Description: m.Description.ValueString(), UserID: m.UserID.ValueString(),
		ExpiresAt: stringOrNil(m.ExpiresAt), Permissions: grantsFromModel(ctx, m.Permissions, diags), Preset: stringOrNil(m.Preset),
		AllowedIPs: setToStrings(ctx, m.AllowedIPs, diags),
	}
	if !m.Active.IsNull() && !m.Active.IsUnknown() {
		active := m.Active.ValueBool()
		api.Active = &active
	}
	return api
}

// apiKeyToModel maps the server's key onto the model; the token only comes with a create.
func apiKeyToModel(ctx context.Context, api apiKeyAPI, m *apiKeyModel, diags *diag.Diagnostics) {
	m.ID, m.Name, m.Description, m.UserID = types.StringValue(api.ID), types.StringValue(api.Name), types.StringValue(api.Description), types.StringValue(api.UserID)
	m.ExpiresAt, m.Active = optionalString(api.ExpiresAt), types.BoolValue(api.Active != nil && *api.Active)
	m.Permissions, m.Preset = grantsToModel(ctx, api.Permissions, diags), optionalString(api.Preset)
	m.AllowedIPs = stringsToSet(ctx, api.AllowedIPs, diags)
	m.Number, m.Prefix, m.Status = types.NumberValue(big.NewFloat(float64(api.Number))), types.StringValue(api.Prefix), types.StringValue(api.Status)
	m.CreatedAt = types.StringValue(api.CreatedAt)
	if api.Token != "" {
		m.Token = types.StringValue(api.Token)
	} else if m.Token.IsUnknown() {
		m.Token = types.StringNull()
	}
}

func (r *apiKeyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan apiKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var out apiKeyAPI
	if err := r.client.call(ctx, "POST", "/v1/api-keys", apiKeyToAPI(ctx, plan, &resp.Diagnostics), &out); err != nil {
		resp.Diagnostics.AddError("Unable to create API key", err.Error())
		return
	}
	apiKeyToModel(ctx, out, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *apiKeyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state apiKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var out apiKeyAPI
	err := r.client.call(ctx, "GET", "/v1/api-keys/"+state.ID.ValueString(), nil, &out)
	if errors.Is(err, errNotFound) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Unable to read API key", err.Error())
		return
	}
	apiKeyToModel(ctx, out, &state, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *apiKeyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state apiKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var out apiKeyAPI
	if err := r.client.call(ctx, "PATCH", "/v1/api-keys/"+state.ID.ValueString(), apiKeyToAPI(ctx, plan, &resp.Diagnostics), &out); err != nil {
		resp.Diagnostics.AddError("Unable to update API key", err.Error())
		return
	}
	apiKeyToModel(ctx, out, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *apiKeyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state apiKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if err := r.client.call(ctx, "DELETE", "/v1/api-keys/"+state.ID.ValueString(), nil, nil); err != nil && !errors.Is(err, errNotFound) {
		resp.Diagnostics.AddError("Unable to revoke API key", err.Error())
	}
}

func (r *apiKeyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
