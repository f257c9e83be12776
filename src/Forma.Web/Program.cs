using Forma.Web;

return await FormaApp.RunAsync(args);
