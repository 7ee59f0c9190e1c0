package main

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// grant is Keyward's PermissionGrant.
type grant struct {
	Resource string   `json:"resource"`
	Actions  []string `json:"actions"`
	Fields   []string `json:"fields,omitempty"`
}

type grantModel struct {
	Resource types.String `tfsdk:"resource"`
	Actions  types.Set    `tfsdk:"actions"`
	Fields   types.Set    `tfsdk:"fields"`
}

var grantType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"resource": types.StringType,
	"actions":  types.SetType{ElemType: types.StringType},
	"fields":   types.SetType{ElemType: types.StringType},
}}

func permissionsAttribute() schema.SetNestedAttribute {
	return schema.SetNestedAttribute{
		Optional: true, Computed: true,
		PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"resource": schema.StringAttribute{Required: true},
			"actions":  schema.SetAttribute{Required: true, ElementType: types.StringType},
			"fields":   schema.SetAttribute{Optional: true, ElementType: types.StringType},
		}},
	}
}

// computedString is a server-set attribute that keeps its value once known.
func computedString() schema.StringAttribute {
	return schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
}

func grantsFromModel(ctx context.Context, set types.Set, diags *diag.Diagnostics) []grant {
	if set.IsNull() || set.IsUnknown() {
		return nil
	}
	var models []grantModel
	diags.Append(set.ElementsAs(ctx, &models, false)...)
	grants := make([]grant, 0, len(models))
	for _, m := range models {
		g := grant{Resource: m.Resource.ValueString()}
		diags.Append(m.Actions.ElementsAs(ctx, &g.Actions, false)...)
		if !m.Fields.IsNull() && !m.Fields.IsUnknown() {
			diags.Append(m.Fields.ElementsAs(ctx, &g.Fields, false)...)
		}
		grants = append(grants, g)
	}
	return grants
}

func grantsToModel(ctx context.Context, grants []grant, diags *diag.Diagnostics) types.Set {
	models := make([]grantModel, 0, len(grants))
	for _, g := range grants {
		actions, d := types.SetValueFrom(ctx, types.StringType, g.Actions)
		diags.Append(d...)
		fields := types.SetNull(types.StringType)
		if g.Fields != nil {
			fields, d = types.SetValueFrom(ctx, types.StringType, g.Fields)
			diags.Append(d...)
		}
		models = append(models, grantModel{Resource: types.StringValue(g.Resource), Actions: actions, Fields: fields})
	}
	set, d := types.SetValueFrom(ctx, grantType, models)
	diags.Append(d...)
	return set
}

func stringsToSet(ctx context.Context, values []string, diags *diag.Diagnostics) types.Set {
	set, d := types.SetValueFrom(ctx, types.StringType, values)
	diags.Append(d...)
	return set
}

func setToStrings(ctx context.Context, set types.Set, diags *diag.Diagnostics) []string {
	if set.IsNull() || set.IsUnknown() {
		return nil
	}
	var values []string
	diags.Append(set.ElementsAs(ctx, &values, false)...)
	return values
}

func optionalString(value *string) types.String {
	if value == nil {
		return types.StringNull()
	}
	return types.StringValue(*value)
}

func stringOrNil(value types.String) *string {
	if value.IsNull() || value.IsUnknown() {
		return nil
	}
	v := value.ValueString()
	return &v
}

// withClient is the Configure every resource shares.
type withClient struct{ client *client }

func (w *withClient) Configure(_ context.Context, req resource.ConfigureRequest, _ *resource.ConfigureResponse) {
	if c, ok := req.ProviderData.(*client); ok {
		w.client = c
	}
}
