// The API docs page: Swagger UI from the npm package swagger-ui-dist, served locally.
window.addEventListener("load", () => {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
