"""all-MiniLM-L6-v2 as a PyTorch module, its weights read from the app's own ONNX file (the LangChain4j jar's
export), so that no model is downloaded: a standard BERT encoder built from torch.nn layers."""
import onnx
import torch
from onnx import numpy_helper
from torch import nn

HIDDEN, HEADS, LAYERS, INTERMEDIATE = 384, 12, 6, 1536


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.attention = nn.MultiheadAttention(HIDDEN, HEADS, batch_first=True)
        self.norm1 = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.intermediate = nn.Linear(HIDDEN, INTERMEDIATE)
        self.output = nn.Linear(INTERMEDIATE, HIDDEN)
        self.norm2 = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x, padding):
        a, _ = self.attention(x, x, x, key_padding_mask=padding, need_weights=False)
        x = self.norm1(x + self.dropout(a))
        h = self.output(nn.functional.gelu(self.intermediate(x)))
        return self.norm2(x + self.dropout(h))


class MiniLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.words = nn.Embedding(30522, HIDDEN)
        self.positions = nn.Embedding(512, HIDDEN)
        self.types = nn.Embedding(2, HIDDEN)
        self.norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.dropout = nn.Dropout(0.1)
        self.layers = nn.ModuleList([Layer() for _ in range(LAYERS)])

    def forward(self, input_ids, attention_mask, token_type_ids=None):
        """Token embeddings [batch, tokens, 384], as the ONNX export's last_hidden_state."""
        positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        if token_type_ids is None:
            token_type_ids = torch.zeros_like(input_ids)
        x = self.words(input_ids) + self.positions(positions) + self.types(token_type_ids)
        x = self.dropout(self.norm(x))
        padding = attention_mask == 0
        for layer in self.layers:
            x = layer(x, padding)
        return x

    def pooled(self, input_ids, attention_mask):
        """Mean over the attention mask, L2-normalised: the app's sentence vector."""
        tokens = self.forward(input_ids, attention_mask)
        mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
        mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1)
        return nn.functional.normalize(mean, dim=-1)


def batch(ids, indexes):
    """The token-id lists at these indexes as a zero-padded [batch, tokens] tensor and its attention mask."""
    longest = max(len(ids[i]) for i in indexes)
    x = torch.zeros(len(indexes), longest, dtype=torch.long)
    mask = torch.zeros_like(x)
    for row, i in enumerate(indexes):
        x[row, :len(ids[i])] = torch.tensor(ids[i])
        mask[row, :len(ids[i])] = 1
    return x, mask


def load(onnx_path):
    """The encoder with the ONNX file's weights. Named initializers map by name; the export's MatMul weights are
    unnamed ([in, out], six a layer in graph order: query, key, value, attention output, intermediate, output)."""
    graph = onnx.load(onnx_path).graph
    named = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    matmuls = [named[i.name] for i in graph.initializer if i.name.startswith("onnx::MatMul")]
    model = MiniLM()
    with torch.no_grad():
        model.words.weight.copy_(named["embeddings.word_embeddings.weight"])
        model.positions.weight.copy_(named["embeddings.position_embeddings.weight"])
        model.types.weight.copy_(named["embeddings.token_type_embeddings.weight"])
        model.norm.weight.copy_(named["embeddings.LayerNorm.weight"])
        model.norm.bias.copy_(named["embeddings.LayerNorm.bias"])
        for n, layer in enumerate(model.layers):
            p = f"encoder.layer.{n}."
            q, k, v, out, inter, output = matmuls[6 * n:6 * n + 6]
            layer.attention.in_proj_weight.copy_(torch.cat([q.T, k.T, v.T]))
            layer.attention.in_proj_bias.copy_(torch.cat([named[p + "attention.self.query.bias"],
                                                          named[p + "attention.self.key.bias"],
                                                          named[p + "attention.self.value.bias"]]))
            layer.attention.out_proj.weight.copy_(out.T)
            layer.attention.out_proj.bias.copy_(named[p + "attention.output.dense.bias"])
            layer.norm1.weight.copy_(named[p + "attention.output.LayerNorm.weight"])
            layer.norm1.bias.copy_(named[p + "attention.output.LayerNorm.bias"])
            layer.intermediate.weight.copy_(inter.T)
            layer.intermediate.bias.copy_(named[p + "intermediate.dense.bias"])
            layer.output.weight.copy_(output.T)
            layer.output.bias.copy_(named[p + "output.dense.bias"])
            layer.norm2.weight.copy_(named[p + "output.LayerNorm.weight"])
            layer.norm2.bias.copy_(named[p + "output.LayerNorm.bias"])
    return model


def export(model, path):
    """Writes the encoder as the app reads a model: inputs input_ids, attention_mask, token_type_ids; first output
    the token embeddings."""
    model.eval()
    ids = torch.tensor([[101, 2023, 2003, 102]])
    torch.onnx.export(model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), path,
                      input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["last_hidden_state"],
                      dynamic_axes={n: {0: "batch", 1: "tokens"} for n in
                                    ["input_ids", "attention_mask", "token_type_ids", "last_hidden_state"]},
                      opset_version=14)
