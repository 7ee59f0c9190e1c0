// A method the contract doesn't declare on a path it knows is 405 with `Allow` (RFC 9110 §15.5.6), before
// authentication: TRACE, HEAD, PUT or OPTIONS on /v1/users never reach a route.
import type { RequestHandler } from "express";
import { allowedMethods, type Contract, matchOperation } from "./contract.js";
import { sendProblem } from "./problem.js";

export function methodGuard(contract: Contract): RequestHandler {
  return (req, res, next) => {
    const route = matchOperation(contract, req.method, req.path);
    if (route) {
      req.operation = route;
      return next();
    }
    const allowed = allowedMethods(contract, req.path);
    if (allowed.length === 0) {
      return next();
    }
    res.setHeader("Allow", allowed.join(", "));
    sendProblem(res, {
      code: "method_not_allowed",
      detail: `${req.method} is not allowed on ${req.path}; use ${allowed.join(", ")}.`,
    });
  };
}
