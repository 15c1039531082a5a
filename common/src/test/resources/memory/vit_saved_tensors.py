# Counts what PyTorch autograd saves (activations only, parameters excluded) for a one-block ViT
# laid out as torchvision's VisionTransformer (pre-norm, nn.MultiheadAttention batch_first, exact
# GELU), to compare with the project's memory model (VitMemoryTest's hand count).
import torch
from torch import nn
torch.manual_seed(0)
S_SIDE, P, D, H, MLP, K = 8, 4, 8, 2, 16, 3
class Vit(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_proj = nn.Conv2d(3, D, P, P)
        self.class_token = nn.Parameter(torch.zeros(1, 1, D))
        self.pos_embedding = nn.Parameter(torch.randn(1, (S_SIDE // P) ** 2 + 1, D))
        self.ln_1 = nn.LayerNorm(D, eps=1e-6)
        self.self_attention = nn.MultiheadAttention(D, H, batch_first=True)
        self.ln_2 = nn.LayerNorm(D, eps=1e-6)
        self.mlp = nn.Sequential(nn.Linear(D, MLP), nn.GELU(), nn.Linear(MLP, D))
        self.ln = nn.LayerNorm(D, eps=1e-6)
        self.head = nn.Linear(D, K)
    def forward(self, x):
        x = self.conv_proj(x).reshape(x.shape[0], D, -1).permute(0, 2, 1)
        x = torch.cat([self.class_token.expand(x.shape[0], -1, -1), x], dim=1) + self.pos_embedding
        y = self.ln_1(x)
        y, _ = self.self_attention(y, y, y, need_weights=False)
        x = x + y
        x = x + self.mlp(self.ln_2(x))
        return self.head(self.ln(x)[:, 0])
m = Vit().eval()
params = {p.data_ptr() for p in m.parameters()}
def run(train):
    for n, p in m.named_parameters():
        p.requires_grad_(train(n))
    seen = {}
    def pack(t):
        if t.data_ptr() not in params and t.numel() > 0 and t.dtype == torch.float32:
            seen[(t.data_ptr(), tuple(t.shape))] = t.numel()
        return t
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        m(torch.randn(3, 3, 8, 8))
    return sum(seen.values()) / 3, sorted(k[1] for k in seen)
print("torch", torch.__version__)
for label, rule in [("full", lambda n: True), ("head only", lambda n: n.startswith("head")),
                    ("mlp.2 (torchvision mlp.3) and after", lambda n: n.startswith(("mlp.2", "ln.", "head"))),
                    ("ln_1 bias only", lambda n: n == "ln_1.bias")]:
    per, shapes = run(rule)
    print(label, "saved float elements per sample:", per)
    if label == "full":
        for s in shapes: print("   ", s)
